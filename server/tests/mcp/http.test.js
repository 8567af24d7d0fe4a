// What the Streamable HTTP transport at /mcp checks before it reads a message: the token, the Origin,
// the protocol version, the session, the size and shape of the message, and the API's rate limit.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { apiToken, staff, startShop } from './harness.js';

let shop, token;
before(async () => {
  shop = await startShop({ extra: ['--rate-limit', '5'] });  // a burst of 50 per token
  token = (await apiToken(shop, 'support')).token;
});
after(() => shop.stop());

const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } };
const list = { jsonrpc: '2.0', id: 2, method: 'tools/list' };

async function post(message, headers = {}, as = token) {
  const res = await fetch(`${shop.url}/mcp`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...(as ? { Authorization: `Bearer ${as}` } : {}), ...headers },
    body: typeof message === 'string' ? message : JSON.stringify(message),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

// node's fetch does not let a caller set Host; node:http does.
function postWithHost(host, message) {
  return new Promise((ok, fail) => {
    const { hostname, port } = new URL(shop.url);
    const req = request({ hostname, port, path: '/mcp', method: 'POST', headers: {
      Host: host, 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } }, (res) => { res.resume(); ok(res.statusCode); });
    req.on('error', fail);
    req.end(JSON.stringify(message));
  });
}

async function session(as = token) {
  const r = await post(initialize, {}, as);
  assert.equal(r.status, 200);
  return r.headers.get('mcp-session-id');
}

test('only an API token, under this server’s own name and from no page or its own, reaches /mcp', async () => {
  const anonymous = await post(initialize, {}, null);
  assert.equal(anonymous.status, 401);
  assert.match(anonymous.headers.get('www-authenticate'), /^Bearer/);
  assert.equal((await post(initialize, {}, 'bo_not_a_token')).status, 401);
  const foreign = await post(initialize, { Origin: 'http://attacker.example' });
  assert.equal(foreign.status, 403);
  assert.equal(foreign.body.error.code, 'forbidden');
  assert.equal(await postWithHost('attacker.example', initialize), 403, 'a rebound name');
  assert.equal(await postWithHost(`localhost:${new URL(shop.url).port}`, initialize), 200);
  const own = await post(initialize, { Origin: shop.url });
  assert.equal(own.status, 200);
  assert.equal(own.body.result.serverInfo.name, 'boxoffice');
  assert.match(own.headers.get('mcp-session-id'), /^[A-Za-z0-9_-]{20,}$/);
  assert.equal((await fetch(`${shop.url}/mcp`, { headers: { Authorization: `Bearer ${token}` } })).status, 405);
});

test('a session belongs to its token, speaks a known protocol version and ends on DELETE', async () => {
  const id = await session();
  const ok = await post(list, { 'Mcp-Session-Id': id, 'MCP-Protocol-Version': '2025-11-25' });
  assert.equal(ok.status, 200);
  assert.ok(ok.body.result.tools.some((t) => t.name === 'get_order'));
  assert.equal((await post(list)).status, 400, 'no session id');
  assert.equal((await post(list, { 'Mcp-Session-Id': 'unknown' })).status, 404);
  const other = (await apiToken(shop, 'support')).token;
  assert.equal((await post(list, { 'Mcp-Session-Id': id }, other)).status, 404, "another token's session");
  const old = await post(list, { 'Mcp-Session-Id': id, 'MCP-Protocol-Version': '1999-01-01' });
  assert.equal(old.status, 400);
  assert.match(old.body.error.message, /MCP-Protocol-Version/);
  const note = await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, { 'Mcp-Session-Id': id });
  assert.equal(note.status, 202);
  const end = await fetch(`${shop.url}/mcp`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}`, 'Mcp-Session-Id': id } });
  assert.equal(end.status, 204);
  assert.equal((await post(list, { 'Mcp-Session-Id': id })).status, 404);
});

test('a staff log-in session is not an agent', async () => {
  const web = await staff(shop, 'support');
  // The helper sends the session cookie and CSRF token; the agent interface still wants a token.
  const r = await web('POST', '/mcp', initialize);
  assert.equal(r.status, 403);
  assert.match(r.body.error.message, /API token/);
});

test('an oversized, malformed or batched message is refused with a JSON-RPC error', async () => {
  const id = await session();
  const big = await post(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/list', params: { pad: 'x'.repeat(1100000) } }), { 'Mcp-Session-Id': id });
  assert.equal(big.status, 413);
  const garbage = await post('{"jsonrpc":', { 'Mcp-Session-Id': id });
  assert.equal(garbage.status, 400);
  assert.equal(garbage.body.error.code, -32700);
  const deep = await post('['.repeat(100) + ']'.repeat(100), { 'Mcp-Session-Id': id });
  assert.equal(deep.status, 400);
  const batch = await post([list, list], { 'Mcp-Session-Id': id });
  assert.equal(batch.status, 400);
  assert.match(batch.body.error.message, /batches/);
});

test('the API rate limit applies to each token', async () => {
  const busy = (await apiToken(shop, 'viewer')).token;
  const id = await session(busy);
  const statuses = await Promise.all(Array.from({ length: 200 }, () => post(list, { 'Mcp-Session-Id': id }, busy).then((r) => r.status)));
  assert.ok(statuses.includes(429), 'some are refused');
  assert.ok(statuses.includes(200), 'the first ones pass');
  assert.equal((await post(list, { 'Mcp-Session-Id': await session() })).status, 200, 'another token is not slowed down');
});
