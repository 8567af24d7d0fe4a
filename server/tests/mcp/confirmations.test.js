// The actions an agent may take, and the confirmations the server enforces for them (elicitation and
// confirmation tokens), with the official SDK client over both transports (stdio and Streamable HTTP).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { apiToken, closeAgents, staff, startMailbox, startShop, transports } from './harness.js';

let shop, mailbox, web;
before(async () => {
  mailbox = await startMailbox();
  shop = await startShop({ smtp: mailbox.url });
  web = await staff(shop, 'admin');
});
after(async () => { await closeAgents(); shop.stop(); mailbox.stop(); });

const errorOf = (result) => JSON.parse(result.content[0].text).error;
const claimed = new Set();

// An order of the demo organisation that no other test used, whose detail passes `wanted`.
async function claim(wanted, query = '') {
  let cursor = '';
  for (let page = 0; page < 20; page += 1) {
    const { items, next_cursor: next } = (await web('GET', `/api/v1/orders?limit=100${query}${cursor}`)).body;
    for (const item of items) {
      if (claimed.has(item.number)) continue;
      const detail = (await web('GET', `/api/v1/orders/${item.number}`)).body;
      if (wanted(detail)) { claimed.add(item.number); return detail; }
    }
    if (!next) break;
    cursor = `&cursor=${encodeURIComponent(next)}`;
  }
  throw new Error('no such order in the demo data');
}

const history = async (number) => (await web('GET', `/api/v1/orders/${number}/history`)).body.items;
const refundable = (o) => o.actions.refund.enabled && o.contact.email && ticketsOf(o).length > 0;
const ticketsOf = (o) => o.tickets.filter((t) => t.refundable).map((t) => t.id);

for (const [transport, connect] of Object.entries(transports)) {
  const testOver = (name, fn) => test(`${name} (${transport})`, fn);

  // An agent whose client answers every elicitation with `answer` and keeps what it was asked.
  async function elicitingAgent(role, answer) {
    const agent = await connect(shop, (await apiToken(shop, role)).token, { elicitation: {} });
    agent.asked = [];
    agent.setRequestHandler(ElicitRequestSchema, (request) => {
      agent.asked.push(request.params);
      return answer;
    });
    await agent.listTools();
    return agent;
  }

  testOver('each role lists the tools it may use, with honest annotations', async () => {
    const names = async (role) => {
      const agent = await connect(shop, (await apiToken(shop, role)).token);
      const { tools } = await agent.listTools();
      await agent.close();
      return Object.fromEntries(tools.map((t) => [t.name, t]));
    };
    const support = await names('support');
    const finance = await names('finance');
    for (const name of ['update_contact', 'add_note', 'resend_tickets', 'get_personalisation', 'update_personalisation',
      'send_personalisation_link', 'preview_cancel', 'cancel_order', 'check_in'])
      assert.ok(support[name], name);
    assert.equal(support.refund_order, undefined);
    assert.equal(support.preview_refund, undefined);
    assert.ok(finance.refund_order && finance.preview_refund);
    assert.equal(finance.refund_order.annotations.destructiveHint, true);
    assert.equal(finance.refund_order.annotations.readOnlyHint, false);
    assert.equal(finance.preview_refund.annotations.readOnlyHint, true);
    assert.equal(support.cancel_order.annotations.destructiveHint, true);
    assert.deepEqual(support.resend_tickets.inputSchema.required, ['number', 'email']);
  });

  testOver('a resend the person accepts in the client reaches the customer with the same QR codes', async () => {
    const order = await claim((o) => o.actions.resend.enabled, '&status=paid');
    const agent = await elicitingAgent('support', { action: 'accept', content: { confirm: true } });
    const r = await agent.callTool({ name: 'resend_tickets', arguments: { number: order.number, email: order.contact.email } });
    assert.equal(r.isError, undefined, JSON.stringify(r.content));
    assert.equal(agent.asked.length, 1);
    assert.ok(agent.asked[0].message.includes(order.contact.email), agent.asked[0].message);
    const mail = await mailbox.next(order.contact.email);
    const valid = order.tickets.filter((t) => t.status === 'valid').map((t) => t.barcode).sort();
    assert.deepEqual(mail.qr_codes.sort(), valid);
    const resent = (await history(order.number)).find((h) => h.type === 'tickets_resent');
    assert.equal(resent.actor.via, 'agent');
    assert.equal(resent.actor.confirmation, 'elicitation');
    assert.equal(resent.actor.kind, 'token');
    await agent.close();
  });

  testOver('a declined or cancelled confirmation sends nothing and says so', async () => {
    const order = await claim((o) => o.actions.resend.enabled, '&status=paid');
    const emailsBefore = (await web('GET', `/api/v1/orders/${order.number}/emails`)).body.items.length;
    for (const answer of [{ action: 'decline' }, { action: 'cancel' }, { action: 'accept', content: { confirm: false } }]) {
      const agent = await elicitingAgent('support', answer);
      const r = await agent.callTool({ name: 'resend_tickets', arguments: { number: order.number, email: order.contact.email } });
      assert.equal(r.isError, true);
      assert.equal(errorOf(r).code, 'not_confirmed');
      assert.match(errorOf(r).message, /Nothing was changed/);
      await agent.close();
    }
    assert.equal((await history(order.number)).filter((h) => h.type === 'tickets_resent').length, 0);
    assert.equal((await web('GET', `/api/v1/orders/${order.number}/emails`)).body.items.length, emailsBefore);
  });

  testOver('without elicitation an action needs a confirmation token; a wrong address is refused', async () => {
    const order = await claim((o) => o.actions.resend.enabled, '&status=paid');
    const agent = await connect(shop, (await apiToken(shop, 'support')).token);
    let r = await agent.callTool({ name: 'resend_tickets', arguments: { number: order.number, email: order.contact.email } });
    assert.equal(errorOf(r).code, 'confirmation_required');
    const got = (await agent.callTool({ name: 'get_order', arguments: { number: order.number } })).structuredContent;
    assert.equal(got.resend_confirmation.email, order.contact.email);
    const token = got.resend_confirmation.confirmation_token;
    r = await agent.callTool({ name: 'resend_tickets', arguments: { number: order.number, email: 'someone@else.test', confirmation_token: token } });
    assert.equal(errorOf(r).code, 'confirmation_mismatch');
    r = await agent.callTool({ name: 'resend_tickets', arguments: { number: order.number, email: order.contact.email.toUpperCase(), confirmation_token: token } });
    assert.equal(r.isError, undefined, JSON.stringify(r.content));
    await mailbox.next(order.contact.email);
    r = await agent.callTool({ name: 'resend_tickets', arguments: { number: order.number, email: order.contact.email, confirmation_token: token } });
    assert.equal(errorOf(r).code, 'confirmation_required', 'a token is used once');
    const entries = (await history(order.number)).filter((h) => h.type === 'tickets_resent');
    assert.equal(entries.length, 1);
    assert.equal(entries[0].actor.confirmation, 'token');
    await agent.close();
  });

  testOver('a refund token from before another change is refused and refunds nothing', async () => {
    const order = await claim(refundable, '&status=paid');
    const agent = await connect(shop, (await apiToken(shop, 'finance')).token);
    const preview = (await agent.callTool({ name: 'preview_refund', arguments: { number: order.number, ticket_ids: ticketsOf(order) } })).structuredContent;
    assert.ok(preview.amount > 0 && preview.amount <= order.totals.refundable);
    assert.match(preview.message, new RegExp(`Refund .* of order ${order.number}`));
    const edit = await web('PATCH', `/api/v1/orders/${order.number}/contact`, { expected_version: order.version, mobile: `+316${String(Date.now()).slice(-8)}` });
    assert.equal(edit.body.version, order.version + 1, JSON.stringify(edit.body));
    const r = await agent.callTool({ name: 'refund_order', arguments: { number: order.number, ticket_ids: ticketsOf(order), reason: 'Asked by phone', confirmation_token: preview.confirmation_token } });
    assert.equal(errorOf(r)?.code, 'order_changed', JSON.stringify(r));
    assert.deepEqual((await web('GET', `/api/v1/orders/${order.number}`)).body.refunds, order.refunds);
    await agent.close();
  });

  testOver('the same refund token twice refunds once; other arguments than previewed are refused', async () => {
    const order = await claim((o) => refundable(o) && ticketsOf(o).length >= 2, '&status=paid');
    const one = ticketsOf(order)[0];
    const agent = await connect(shop, (await apiToken(shop, 'finance')).token);
    const preview = (await agent.callTool({ name: 'preview_refund', arguments: { number: order.number, ticket_ids: [one] } })).structuredContent;
    const all = await agent.callTool({ name: 'refund_order', arguments: { number: order.number, reason: 'x', confirmation_token: preview.confirmation_token } });
    assert.equal(errorOf(all).code, 'confirmation_mismatch');
    const args = { number: order.number, ticket_ids: [one], reason: 'Could not come', confirmation_token: preview.confirmation_token };
    const first = await agent.callTool({ name: 'refund_order', arguments: args });
    assert.equal(first.isError, undefined, JSON.stringify(first.content));
    assert.equal(first.structuredContent.amount, preview.amount);
    const second = await agent.callTool({ name: 'refund_order', arguments: args });
    assert.equal(errorOf(second).code, 'confirmation_required');
    const after = (await web('GET', `/api/v1/orders/${order.number}`)).body;
    assert.equal(after.refunds.length, order.refunds.length + 1);
    const requested = (await history(order.number)).find((h) => h.type === 'refund_requested');
    assert.equal(requested.actor.via, 'agent');
    assert.equal(requested.actor.confirmation, 'token');
    await agent.close();
  });

  testOver('two agents racing to refund one order never refund more than is refundable', async () => {
    const order = await claim(refundable, '&status=paid');
    const [a, b] = await Promise.all(['finance', 'finance'].map(async (role) => elicitingAgent(role, { action: 'accept', content: { confirm: true } })));
    const results = await Promise.all([a, b].map((agent) => agent.callTool({ name: 'refund_order', arguments: { number: order.number, ticket_ids: ticketsOf(order), reason: 'Both at once' } })));
    const ok = results.filter((r) => !r.isError);
    assert.equal(ok.length, 1, JSON.stringify(results.map((r) => r.content[0].text)));
    // The later one is refused when it re-checks after the person's yes, or already when it previews.
    assert.ok(['order_changed', 'ticket_not_refundable'].includes(errorOf(results.find((r) => r.isError)).code));
    const after = (await web('GET', `/api/v1/orders/${order.number}`)).body;
    assert.equal(after.refunds.length, order.refunds.length + 1);
    assert.ok(after.totals.refunded + after.totals.pending_refunds <= after.totals.paid);
    await a.close();
    await b.close();
  });

  testOver('a refund the person accepts shows tickets, amounts and method, and is recorded via the agent', async () => {
    const order = await claim(refundable, '&status=paid');
    const agent = await elicitingAgent('finance', { action: 'accept', content: { confirm: true } });
    const r = await agent.callTool({ name: 'refund_order', arguments: { number: order.number, ticket_ids: ticketsOf(order), reason: 'Event moved' } });
    assert.equal(r.isError, undefined, JSON.stringify(r.content));
    const asked = agent.asked[0];
    assert.match(asked.message, new RegExp(`order ${order.number}`));
    assert.match(asked.message, /stop being valid|stay valid/);
    assert.equal(asked.requestedSchema.properties.confirm.type, 'boolean');
    const requested = (await history(order.number)).find((h) => h.type === 'refund_requested');
    assert.equal(requested.actor.confirmation, 'elicitation');
    await agent.close();
  });

  const changeable = (o) => o.actions.change.enabled && o.event.name === 'Orchestra in Concert'
    && o.tickets.some((t) => t.change.enabled && t.ticket_type.name === 'Balcony');
  const changeOps = async (order) => {
    const options = (await web('GET', `/api/v1/orders/${order.number}/change-options`)).body;
    const stalls = options.events[0].ticket_types.find((t) => t.name === 'Stalls');
    const balcony = order.tickets.find((t) => t.change.enabled && t.ticket_type.name === 'Balcony');
    return [{ type: 'swap', ticket_id: balcony.id, ticket_type_id: stalls.id }];
  };

  testOver('a change previewed and confirmed with its token is made once; other operations are refused', async () => {
    const order = await claim(changeable, '&status=paid');
    const operations = await changeOps(order);
    const agent = await connect(shop, (await apiToken(shop, 'finance')).token);
    const preview = (await agent.callTool({ name: 'preview_change', arguments: { number: order.number, operations } })).structuredContent;
    assert.ok(preview.difference > 0, JSON.stringify(preview));
    assert.match(preview.message, /Balcony \(Orchestra in Concert\) → Stalls/);
    assert.match(preview.message, /owes/);
    const other = await agent.callTool({ name: 'change_order', arguments: { number: order.number, operations: [{ ...operations[0], price: 1 }], confirmation_token: preview.confirmation_token } });
    assert.equal(errorOf(other).code, 'confirmation_mismatch');
    const args = { number: order.number, operations, notify_customer: true, confirmation_token: preview.confirmation_token };
    const done = await agent.callTool({ name: 'change_order', arguments: args });
    assert.equal(done.isError, undefined, JSON.stringify(done.content));
    assert.equal(done.structuredContent.totals.due, preview.difference);
    const again = await agent.callTool({ name: 'change_order', arguments: args });
    assert.equal(errorOf(again).code, 'confirmation_required');
    const changed = (await history(order.number)).filter((h) => h.type === 'order_changed');
    assert.equal(changed.length, 1);
    assert.equal(changed[0].actor.via, 'agent');
    assert.equal(changed[0].actor.confirmation, 'token');
    await agent.close();
  });

  testOver('a support agent cannot make a change that moves money, even with the person saying yes', async () => {
    const order = await claim(changeable, '&status=paid');
    const agent = await elicitingAgent('support', { action: 'accept', content: { confirm: true } });
    const r = await agent.callTool({ name: 'change_order', arguments: { number: order.number, operations: await changeOps(order) } });
    assert.equal(errorOf(r).code, 'needs_finance');
    assert.deepEqual((await web('GET', `/api/v1/orders/${order.number}`)).body.tickets, order.tickets);
    await agent.close();
  });

  testOver('a viewer can neither see nor call refund_order', async () => {
    const order = await claim(refundable, '&status=paid');
    const agent = await connect(shop, (await apiToken(shop, 'viewer')).token);
    const { tools } = await agent.listTools();
    assert.ok(!tools.some((t) => t.name === 'refund_order' || t.name === 'resend_tickets'));
    await assert.rejects(agent.callTool({ name: 'refund_order', arguments: { number: order.number, reason: 'x' } }), /Unknown tool/);
    assert.equal((await web('GET', `/api/v1/orders/${order.number}`)).body.refunds.length, order.refunds.length);
    await agent.close();
  });

  testOver('an action the order does not allow answers its reason, as the UI shows it, and changes nothing', async () => {
    const order = await claim((o) => o.status === 'pending' && !o.actions.refund.enabled, '&status=pending');
    const agent = await elicitingAgent('finance', { action: 'accept', content: { confirm: true } });
    for (const name of ['preview_refund', 'refund_order']) {
      const r = await agent.callTool({ name, arguments: { number: order.number, reason: 'x' } });
      assert.equal(errorOf(r).code, order.actions.refund.reason);
      assert.equal(errorOf(r).message, order.actions.refund.message);
    }
    assert.equal(agent.asked.length, 0, 'the person is not asked about what cannot happen');
    await agent.close();
  });

  testOver('personalisation opens after the person saw which tickets need which fields', async () => {
    const needs = (o) => o.actions.personalisation.enabled;
    const first = await claim(needs);
    const asking = await elicitingAgent('support', { action: 'accept', content: { confirm: true } });
    const opened = await asking.callTool({ name: 'send_personalisation_link', arguments: { number: first.number, send_email: false } });
    assert.equal(opened.isError, undefined, JSON.stringify(opened.content));
    assert.match(opened.structuredContent.url, /^http/);
    assert.match(asking.asked[0].message, new RegExp(`Open personalisation of order ${first.number}\\?`));
    assert.match(asking.asked[0].message, /\(ticket \d+\): .+\((complete|\d+ missing)\)/);

    const second = await claim(needs);
    const agent = await connect(shop, (await apiToken(shop, 'support')).token);
    const refused = await agent.callTool({ name: 'send_personalisation_link', arguments: { number: second.number, send_email: false } });
    assert.equal(errorOf(refused).code, 'confirmation_required');
    const view = (await agent.callTool({ name: 'get_personalisation', arguments: { number: second.number } })).structuredContent;
    const token = view.link_confirmation.confirmation_token;
    const wrongOrder = await agent.callTool({ name: 'send_personalisation_link', arguments: { number: first.number, send_email: false, confirmation_token: token } });
    assert.equal(errorOf(wrongOrder).code, 'confirmation_required', 'a token is for its own order');
    const ok = await agent.callTool({ name: 'send_personalisation_link', arguments: { number: second.number, send_email: false, confirmation_token: token } });
    assert.equal(ok.isError, undefined, JSON.stringify(ok.content));
    const entry = (await history(second.number)).find((h) => h.actor?.via === 'agent');
    assert.equal(entry.actor.confirmation, 'token');
  });

  testOver('cancel with a preview token; check-in only looks unless asked to record', async () => {
    const order = await claim((o) => o.actions.cancel.enabled && o.status === 'pending', '&status=pending');
    const agent = await connect(shop, (await apiToken(shop, 'support')).token);
    const preview = (await agent.callTool({ name: 'preview_cancel', arguments: { number: order.number, notify_customer: false } })).structuredContent;
    assert.equal(preview.refund_amount, 0);
    assert.match(preview.message, /Nothing is refunded/);
    const r = await agent.callTool({ name: 'cancel_order', arguments: { number: order.number, notify_customer: false, confirmation_token: preview.confirmation_token } });
    assert.equal(r.isError, undefined, JSON.stringify(r.content));
    assert.equal(r.structuredContent.status, 'cancelled');

    const paid = await claim((o) => o.status === 'paid' && o.tickets.some((t) => t.status === 'valid' && !t.checked_in_at), '&status=paid');
    const ticket = paid.tickets.find((t) => t.status === 'valid' && !t.checked_in_at);
    const look = await agent.callTool({ name: 'check_in', arguments: { barcode: ticket.barcode } });
    assert.deepEqual([look.structuredContent.result, look.structuredContent.recorded], ['valid', false]);
    const again = await agent.callTool({ name: 'check_in', arguments: { barcode: ticket.barcode, record: true } });
    assert.deepEqual([again.structuredContent.result, again.structuredContent.recorded], ['valid', true]);
    const third = await agent.callTool({ name: 'check_in', arguments: { barcode: ticket.barcode } });
    assert.equal(third.structuredContent.result, 'already_checked_in');
    await agent.close();
  });
}
