// The reading tools (find, read, revenue) and the token's reach, over both transports.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, closeAgents, staff, startShop, transports } from './harness.js';

let shop;
before(async () => { shop = await startShop(); });
after(async () => { await closeAgents(); shop.stop(); });

const errorOf = (result) => JSON.parse(result.content[0].text).error;

for (const [transport, connect] of Object.entries(transports)) {
  const testOver = (name, fn) => test(`${name} (${transport})`, fn);

  testOver('tools are listed with schemas and honest annotations', async () => {
    const viewer = await connect(shop, (await apiToken(shop, 'viewer')).token);
    const { tools } = await viewer.listTools();
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    assert.deepEqual(Object.keys(byName).sort(), ['find_orders', 'get_order', 'revenue_summary']);
    for (const name of Object.keys(byName)) {
      const t = byName[name];
      assert.ok(t, name);
      assert.ok(t.description.length > 20);
      assert.equal(t.inputSchema.type, 'object');
      assert.equal(t.outputSchema.type, 'object');
      assert.equal(t.annotations.readOnlyHint, true);
      assert.equal(t.annotations.destructiveHint, false);
    }
    const revenue = await viewer.callTool({ name: 'revenue_summary', arguments: { group_by: 'event' } });
    assert.equal(typeof revenue.structuredContent.totals, 'object');
    await assert.rejects(viewer.callTool({ name: 'refund_everything', arguments: {} }), /Unknown tool/);
    await viewer.close();
  });

  testOver('an order is found by e-mail and read with its actions and their reasons', async () => {
    const web = await staff(shop, 'support');
    const list = (await web('GET', '/api/v1/orders?status=cancelled&limit=1')).body.items;
    const expected = (await web('GET', `/api/v1/orders/${list[0].number}`)).body;
    const agent = await connect(shop, (await apiToken(shop, 'support')).token);
    await agent.listTools();
    const found = await agent.callTool({ name: 'find_orders', arguments: { query: expected.contact.email } });
    assert.ok(found.structuredContent.orders.some((o) => o.number === expected.number));
    const got = await agent.callTool({ name: 'get_order', arguments: { number: expected.number } });
    assert.equal(got.isError, undefined);
    assert.deepEqual(got.structuredContent.actions, expected.actions);
    assert.equal(got.structuredContent.actions.refund.enabled, false);
    assert.equal(got.structuredContent.actions.refund.reason, 'order_cancelled');
    await agent.close();
  });

  testOver("another organisation's order is not found and bad arguments say which field", async () => {
    const other = await staff(shop, 'admin', 'other');
    const theirs = (await other('GET', '/api/v1/orders?limit=1')).body.items[0].number;
    const agent = await connect(shop, (await apiToken(shop, 'support')).token);
    await agent.listTools();
    const r = await agent.callTool({ name: 'get_order', arguments: { number: theirs } });
    assert.equal(r.isError, true);
    assert.equal(errorOf(r).code, 'not_found');
    const bad = await agent.callTool({ name: 'find_orders', arguments: { status: 'lost' } });
    assert.equal(bad.isError, true);
    assert.equal(errorOf(bad).code, 'validation_failed');
    assert.ok(errorOf(bad).fields.status);
    await agent.close();
  });

  testOver('a revoked token stops working at the next call', async () => {
    const made = await apiToken(shop, 'viewer');
    const agent = await connect(shop, made.token);
    await agent.listTools();
    const admin = await staff(shop, 'admin');
    assert.equal((await admin('DELETE', `/api/v1/tokens/${made.id}`)).status, 204);
    await assert.rejects(agent.callTool({ name: 'find_orders', arguments: {} }), /revoked/);
    await agent.close();
  });
}
