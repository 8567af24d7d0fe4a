// A real `boxoffice serve --demo` for each test file, API tokens made through its API, and MCP clients
// of the official SDK connected to `boxoffice mcp` over stdio.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

export const BINARY = resolve(import.meta.dirname, '../../../build/boxoffice');
const PASSWORD = 'boxoffice-demo';

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on('error', fail);
  });
}

async function until(check, what, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    try { if (await check()) return; } catch { /* not yet */ }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startShop() {
  const dir = mkdtempSync(join(tmpdir(), 'boxoffice-mcp-'));
  const port = await freePort();
  const db = `sqlite:${join(dir, 'shop.db')}`;
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(BINARY, ['serve', '--demo', '--db', db, '--port', String(port), '--address', '127.0.0.1',
    '--data-dir', dir], { stdio: 'ignore' });
  await until(async () => (await fetch(`${url}/healthz`)).ok, 'the server');
  return { db, url, dir, stop: () => proc.kill('SIGTERM') };
}

// A logged-in staff member of the demo organisation: JSON requests with the session and CSRF token.
export async function staff(shop, role, org = 'demo') {
  const r = await fetch(`${shop.url}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: `${role}@${org}.test`, password: PASSWORD }),
  });
  if (!r.ok) throw new Error(`log-in of ${role}: ${r.status}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = (await r.json()).csrf_token;
  return async (method, path, body) => {
    const res = await fetch(`${shop.url}${path}`, {
      method, headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: res.status === 204 ? null : await res.json() };
  };
}

export async function apiToken(shop, role, org = 'demo') {
  const admin = await staff(shop, 'admin', org);
  const r = await admin('POST', '/api/v1/tokens', { name: `agent ${role} ${Math.random()}`, role });
  if (r.status !== 201) throw new Error(`token: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function stdioAgent(shop, token, capabilities = {}) {
  const client = new Client({ name: 'boxoffice-tests', version: '1.0.0' }, { capabilities });
  const transport = new StdioClientTransport({
    command: BINARY, args: ['mcp', '--db', shop.db], env: { BOXOFFICE_TOKEN: token }, stderr: 'pipe',
  });
  await client.connect(transport);
  return client;
}
