import { test, expect } from './support/fixtures';
import { findOrder, valid } from './support/orders';
import { mailsTo } from './support/maildir';

test.use({ role: 'support' });

test('resend delivers the valid tickets to the confirmed contact e-mail', async ({ page, orderPage, resendDialog, api }) => {
  const order = await findOrder(api, {
    query: { status: 'paid' },
    where: (o) => o.actions.resend.enabled && Boolean(o.contact.email),
  });
  const since = Date.now();
  await orderPage.goto(order.number);
  await orderPage.choose('Resend');

  await expect(resendDialog.email()).toHaveText(order.contact.email!);
  await expect(resendDialog.tickets()).toHaveCount(valid(order).length);
  await resendDialog.confirm().click();
  await expect(resendDialog.root).toBeHidden();
  await expect(page.getByText(`queued for ${order.contact.email}`)).toBeVisible();

  await expect
    .poll(() => mailsTo(order.contact.email!, since).length, { timeout: 30_000, message: 'mail in the Maildir' })
    .toBeGreaterThan(0);

  await expect(orderPage.emailLog.locator('[data-email-id]').first()).toContainText(order.contact.email!);
  await expect(orderPage.status).toHaveText(/Paid|Partially refunded/);
  const after = await api.get<typeof order>(`/api/v1/orders/${order.number}`);
  expect(after.version).toBe(order.version);
  expect(after.tickets.map((t) => t.barcode)).toEqual(order.tickets.map((t) => t.barcode));
});
