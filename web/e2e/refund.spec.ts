import { test, expect } from './support/fixtures';
import { findOrder, valid } from './support/orders';
import type { OrderDetail } from './support/types';

const refundable = (o: OrderDetail) => o.actions.refund.enabled && valid(o).length >= 2;

test('partial refund of one ticket', async ({ page, orderPage, refundDialog, api }) => {
  const order = await findOrder(api, { query: { status: 'paid', payment_method: 'card' }, where: refundable })
    .catch(() => findOrder(api, { query: { status: 'paid' }, where: refundable }));
  const ticket = valid(order)[0]!;
  const requests: { headers: Record<string, string>; body: unknown }[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/orders/${order.number}/refunds`)) {
      requests.push({ headers: request.headers(), body: request.postDataJSON() });
    }
  });

  await orderPage.goto(order.number);
  await orderPage.choose('Refund');
  await expect(refundDialog.root).toBeVisible();
  await refundDialog.ticket(ticket.id).check();
  await refundDialog.reason().fill('Customer cannot attend');
  await expect(refundDialog.summary()).toContainText(order.number);
  await expect(refundDialog.summary()).toContainText(ticket.ticket_type.name);
  await refundDialog.confirm().click();
  await expect(refundDialog.root).toBeHidden();
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: /Refund (started|completed)/ })).toBeVisible();

  expect(requests).toHaveLength(1);
  expect(requests[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  expect(requests[0]!.body).toMatchObject({ expected_version: order.version, ticket_ids: [ticket.id] });
  expect(requests[0]!.body).not.toHaveProperty('amount');

  await expect(page.locator(`tr[data-ticket-id="${ticket.id}"] [data-status]`)).toHaveAttribute('data-status', 'refunded');
  await expect(orderPage.status).toHaveText('Partially refunded', { timeout: 20_000 });
  await expect(orderPage.historyEntry('Refund').first()).toBeVisible();
});

test('a stale order during refund shows the conflict message and reloads', async ({ page, orderPage, refundDialog, api }) => {
  const order = await findOrder(api, { query: { status: 'paid' }, where: (o) => o.actions.refund.enabled });
  await orderPage.goto(order.number);
  await orderPage.choose('Refund');
  await refundDialog.amount().fill('1');
  await refundDialog.reason().fill('Goodwill');

  await api.send('PATCH', `/api/v1/orders/${order.number}/contact`, {
    expected_version: order.version,
    first_name: `${order.contact.first_name ?? 'Changed'}x`,
  });

  await refundDialog.confirm().click();
  await expect(refundDialog.error).toHaveText('This order changed, review it again');
  await expect(refundDialog.root).toBeVisible();
  await expect(page.getByTestId('contact-name')).toContainText(`${order.contact.first_name ?? 'Changed'}x`);
  const after = await api.get<OrderDetail>(`/api/v1/orders/${order.number}`);
  expect(after.totals.refunded).toBe(order.totals.refunded);
  expect(after.version).toBe(order.version + 1);
});

test('a double click refunds once', async ({ orderPage, refundDialog, api }) => {
  const order = await findOrder(api, { query: { status: 'paid' }, where: (o) => o.actions.refund.enabled });
  await orderPage.goto(order.number);
  await orderPage.choose('Refund');
  await refundDialog.amount().fill('1');
  await refundDialog.reason().fill('Goodwill');
  await refundDialog.confirm().dblclick();
  await expect(refundDialog.root).toBeHidden();
  type WithRefunds = OrderDetail & { refunds: { status: string }[] };
  const refunds = async () => (await api.get<WithRefunds>(`/api/v1/orders/${order.number}`)).refunds;
  await expect.poll(async () => (await refunds()).length).toBe(((order as Partial<WithRefunds>).refunds?.length ?? 0) + 1);
  // The provider settles the refund in the background; the reports that follow count it once it has.
  await expect.poll(async () => (await refunds()).map((refund) => refund.status)).not.toContain('pending');
});
