import { test, expect } from './support/fixtures';
import { findOrder, valid } from './support/orders';
import { mailsTo } from './support/maildir';
import type { OrderDetail } from './support/types';

test('cancel a paid order with a refund', async ({ page, orderPage, cancelDialog, api }) => {
  const order = await findOrder(api, {
    query: { status: 'paid' },
    where: (o) => o.actions.cancel.enabled && o.actions.refund.enabled && o.totals.refundable > 0 && Boolean(o.contact.email),
  });
  const since = Date.now();
  await orderPage.goto(order.number);
  await orderPage.choose('Cancel');
  await expect(cancelDialog.contents()).toHaveCount(order.tickets.length);
  await expect(cancelDialog.notify()).toBeChecked();
  const shown = await cancelDialog.refundAmount().inputValue();
  expect(Number(shown.replace(/[^0-9.]/g, ''))).toBeCloseTo(order.totals.refundable / 100, 2);
  await cancelDialog.confirm().click();
  await expect(cancelDialog.root).toBeHidden();

  await expect(orderPage.status).toHaveText('Cancelled');
  for (const ticket of valid(order)) {
    await expect(page.locator(`tr[data-ticket-id="${ticket.id}"] [data-status]`)).toHaveAttribute('data-status', 'cancelled');
  }
  await expect(orderPage.historyEntry('cancelled').first()).toBeVisible();
  await expect
    .poll(async () => (await api.get<OrderDetail>(`/api/v1/orders/${order.number}`)).totals.refunded, { timeout: 20_000 })
    .toBe(order.totals.refunded + order.totals.refundable);
  await expect
    .poll(() => mailsTo(order.contact.email!, since).length, { timeout: 30_000, message: 'cancellation e-mail' })
    .toBeGreaterThan(0);
});
