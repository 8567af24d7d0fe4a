import path from 'node:path';
import { test, expect } from './support/fixtures';
import { findOrder } from './support/orders';

const here = path.dirname(new URL(import.meta.url).pathname);
const outDir = process.env.SCREENSHOT_DIR ?? path.join(here, '..', '..', 'docs', 'screenshots');
const shot = (name: string) => path.join(outDir, name);

test.use({ role: 'finance', viewport: { width: 1280, height: 800 } });

test('orders list', async ({ page, ordersPage }) => {
  await ordersPage.goto();
  await expect(ordersPage.rows.nth(5)).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: shot('orders-list.png') });
});

test('order detail with the ⋯ menu open', async ({ page, orderPage, api }) => {
  // A paid order whose tickets need no personalisation shows an enabled and a disabled item.
  const order = await findOrder(api, {
    query: { status: 'paid', payment_method: 'card' },
    where: (o) => o.actions.refund.enabled && !o.actions.personalisation.enabled,
    claim: false,
  });
  await orderPage.goto(order.number);
  await expect(orderPage.history).toBeVisible();
  await orderPage.openActions();
  await expect(orderPage.menu).toHaveCSS('opacity', '1');
  await page.screenshot({ path: shot('order-detail-menu.png') });
});

test('refund dialog', async ({ page, orderPage, refundDialog, api }) => {
  const order = await findOrder(api, {
    query: { status: 'paid', payment_method: 'card' },
    where: (o) => o.actions.refund.enabled && o.tickets.filter((t) => t.status === 'valid').length >= 2,
    claim: false,
  });
  await orderPage.goto(order.number);
  await orderPage.choose('Refund');
  await refundDialog.ticket(order.tickets.find((t) => t.status === 'valid')!.id).check();
  await refundDialog.reason().fill('Customer cannot attend');
  await page.mouse.move(0, 0);
  await expect(refundDialog.root).toHaveCSS('opacity', '1');
  await page.screenshot({ path: shot('refund-dialog.png') });
});
