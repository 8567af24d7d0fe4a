import path from 'node:path';
import { test, expect } from './support/fixtures';
import { changeable, findOrder } from './support/orders';
import { ImportPage } from './pages/ImportPage';

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

test('change dialog: the review of a swap that costs more', async ({ page, orderPage, changeDialog, api }) => {
  const order = await findOrder(api, {
    query: { status: 'paid' },
    where: (o) => changeable(o).some((t) => t.ticket_type.name === 'Balcony'),
    claim: false,
  });
  const ticket = changeable(order).find((t) => t.ticket_type.name === 'Balcony')!;
  await orderPage.goto(order.number);
  await orderPage.choose('Change');
  await changeDialog.plan(ticket.id, 'Change type');
  await changeDialog.swap(ticket.id, 'Stalls');
  await changeDialog.review().click();
  await expect(changeDialog.settlement()).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(changeDialog.root).toHaveCSS('opacity', '1');
  await page.screenshot({ path: shot('change-review.png') });
});

test('revenue report', async ({ page, reportsPage }) => {
  await reportsPage.goto('revenue', '?period=this_year');
  await expect(reportsPage.chart).toBeVisible();
  await reportsPage.rows();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: shot('reports.png') });
});

test.describe('in Dutch', () => {
  test.use({ locale: 'nl-NL' });

  test('orders list in Dutch', async ({ page }) => {
    await page.goto('/orders');
    await expect(page.getByRole('table', { name: 'Bestellingen' }).locator('tbody tr').nth(5)).toBeVisible();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: shot('orders-list-nl.png') });
  });

  test('order detail in Dutch', async ({ page, orderPage, api }) => {
    const order = await findOrder(api, {
      query: { status: 'paid', payment_method: 'ideal' },
      where: (o) => o.actions.refund.enabled,
      claim: false,
    });
    await orderPage.goto(order.number);
    await expect(orderPage.history).toBeVisible();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: shot('order-detail-nl.png') });
  });
});

test.describe('as an admin', () => {
  test.use({ role: 'admin' });

  test('import preview', async ({ page }) => {
    const importPage = new ImportPage(page);
    const people = [
      ['Anna', 'Jansen', 'Weekend'],
      ['Bram', 'de Boer', 'Saturday'],
      ['Chloé', 'Martin', 'Weekend'],
      ['Daan', 'Visser', 'Camping'],
      ['Eva', 'Smit', 'Saturday'],
    ];
    const rows = people.map(([first, last, type], index) =>
      [`RES-${2001 + index}`, `${first!.toLowerCase()}.${index}@example.com`, first, last, 'Northsea Festival', type, 'card', 'paid'].join(','),
    );
    const csv = ['order_ref,email,first_name,last_name,event,ticket_type,payment_method,status', ...rows, rows[0]].join('\n');
    await importPage.goto();
    await importPage.upload('reseller-march.csv', csv);
    await expect(importPage.summary).toBeVisible({ timeout: 20_000 });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: shot('import-preview.png'), fullPage: true });
  });
});
