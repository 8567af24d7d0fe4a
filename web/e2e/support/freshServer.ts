import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '..', '..', '..');
const binary = process.env.BOXOFFICE_BIN ?? path.join(root, 'build', 'boxoffice');

export interface FreshServer {
  url: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(url: string, server: ChildProcess, log: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped:\n${log()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer within 30 s:\n${log()}`);
}

/**
 * A server on an empty database, without demo data, whose first admin was made by
 * `boxoffice user add --create-org` with the password on standard input.
 */
export async function startFreshServer(admin: {
  org: string;
  orgName: string;
  email: string;
  name: string;
  password: string;
}, serveArgs: string[] = []): Promise<FreshServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boxoffice-first-run-'));
  const db = `sqlite:${path.join(dir, 'boxoffice.db')}`;
  const added = spawnSync(
    binary,
    ['user', 'add', '--db', db, '--org', admin.org, '--create-org', admin.orgName, '--email', admin.email,
      '--name', admin.name, '--role', 'admin'],
    { input: `${admin.password}\n`, encoding: 'utf8' },
  );
  if (added.status !== 0) throw new Error(`user add failed: ${added.stderr}${added.stdout}`);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(dir, 'server.log');
  const out = fs.openSync(logFile, 'a');
  const server = spawn(
    binary,
    ['serve', '--db', db, '--port', String(port), '--address', '127.0.0.1', '--web-root', path.join(root, 'web', 'dist'),
      '--data-dir', path.join(dir, 'data'), '--public-url', url, ...serveArgs],
    { stdio: ['ignore', out, out] },
  );
  await waitUntilHealthy(url, server, () => fs.readFileSync(logFile, 'utf8'));

  return {
    url,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      fs.closeSync(out);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
