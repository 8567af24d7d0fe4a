// A real `boxoffice serve --demo` for each test file, API tokens made through its API, and MCP clients
// of the official SDK connected to `boxoffice mcp` over stdio.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

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

// A real SMTP server (tests/mcp/mailbox.py): `next(to)` resolves with the next message to that address
// ({to, subject, qr_codes: the QR codes decoded from its PDFs}).
export async function startMailbox() {
  // Debian's Python, whose packages scripts/packages-test.txt installs.
  const proc = spawn('/usr/bin/python3', [join(import.meta.dirname, 'mailbox.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const received = [];
  const waiting = [];
  let ready;
  const url = new Promise((ok, fail) => {
    ready = ok;
    proc.on('exit', (code) => fail(new Error(`the SMTP server ended (${code})`)));
  });
  createInterface({ input: proc.stdout }).on('line', (line) => {
    const m = JSON.parse(line);
    if (m.url) return ready(m.url);
    received.push(m);
    for (const w of waiting.splice(0)) w();
  });
  const next = async (to, ms = 30000) => {
    const end = Date.now() + ms;
    for (;;) {
      const i = received.findIndex((m) => m.to.includes(to));
      if (i >= 0) return received.splice(i, 1)[0];
      if (Date.now() > end) throw new Error(`no e-mail to ${to}`);
      await new Promise((ok) => { waiting.push(ok); setTimeout(ok, end - Date.now()).unref(); });
    }
  };
  return { url: await url, next, received, stop: () => proc.stdin.end() };
}

export async function startShop({ smtp, extra = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'boxoffice-mcp-'));
  const port = await freePort();
  const db = `sqlite:${join(dir, 'shop.db')}`;
  const url = `http://127.0.0.1:${port}`;
  const args = ['serve', '--demo', '--db', db, '--port', String(port), '--address', '127.0.0.1', '--data-dir', dir,
    '--public-url', url];
  if (smtp) args.push('--smtp', smtp);
  args.push(...extra);
  const proc = spawn(BINARY, args, { stdio: 'ignore' });
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

const agents = new Set();
// Ends every agent process still running, also those of a test that failed before closing its own.
export const closeAgents = () => Promise.all([...agents].map((a) => a.close()));

export async function stdioAgent(shop, token, capabilities = {}) {
  const client = new Client({ name: 'boxoffice-tests', version: '1.0.0' }, { capabilities });
  const transport = new StdioClientTransport({
    command: BINARY, args: ['mcp', '--db', shop.db], env: { BOXOFFICE_TOKEN: token }, stderr: 'pipe',
  });
  await client.connect(transport);
  agents.add(client);
  return client;
}

// The same over Streamable HTTP at the shop's /mcp.
export async function httpAgent(shop, token, capabilities = {}) {
  const client = new Client({ name: 'boxoffice-tests', version: '1.0.0' }, { capabilities });
  const transport = new StreamableHTTPClientTransport(new URL(`${shop.url}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  agents.add(client);
  return client;
}

export const transports = { stdio: stdioAgent, http: httpAgent };
