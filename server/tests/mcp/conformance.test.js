// The official MCP conformance suite (@modelcontextprotocol/conformance, locked) against /mcp. The suite
// cannot send a token, so it talks to a loopback proxy that adds the Authorization header and passes
// everything else (Host and Origin included) through unchanged.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request, createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { apiToken, startShop } from './harness.js';

let shop, proxy, url;
before(async () => {
  shop = await startShop();
  const { token } = await apiToken(shop, 'support');
  const upstream = new URL(shop.url);
  proxy = createServer((req, res) => {
    const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url,
      headers: { ...req.headers, authorization: `Bearer ${token}` } }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise((ok) => proxy.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${proxy.address().port}/mcp`;
});
after(() => { proxy.close(); shop.stop(); });

// Runs the suite's command line (the proxy in this process must go on serving meanwhile: not spawnSync).
function conformance(...args) {
  return new Promise((ok) => {
    const run = spawn('npx', ['--no-install', 'conformance', 'server', '--url', url, ...args], { cwd: import.meta.dirname });
    let stdout = '', stderr = '';
    run.stdout.on('data', (d) => { stdout += d; });
    run.stderr.on('data', (d) => { stderr += d; });
    run.on('close', (status) => ok({ status, stdout, stderr }));
  });
}

test('the scenarios for what Boxoffice offers pass, each on its own', async () => {
  for (const scenario of ['server-initialize', 'ping', 'tools-list', 'server-sse-multiple-streams', 'dns-rebinding-protection']) {
    const run = await conformance('--scenario', scenario);
    assert.equal(run.status, 0, `${scenario}\n${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /0 failed/, scenario);
  }
});

test('the whole active suite fails only where it tests what Boxoffice does not offer', async () => {
  const run = await conformance('--expected-failures', join(import.meta.dirname, 'conformance-not-offered.yml'));
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
});
