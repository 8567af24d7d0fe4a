import { test, expect } from './support/fixtures';
import { findOrder } from './support/orders';
import type { OrderListItem } from './support/types';

test.use({ role: 'viewer' });

test('search finds an order by number, e-mail and name', async ({ ordersPage, api }) => {
  const order = await findOrder(api, { where: (o) => Boolean(o.contact.email && o.contact.last_name), claim: false });
  await ordersPage.goto();

  await ordersPage.searchFor(order.number);
  await expect(ordersPage.page.url()).toContain(`q=${order.number}`);
  await expect(ordersPage.row(order.number)).toBeVisible();
  await expect(ordersPage.rows).toHaveCount(1);

  await ordersPage.searchFor(order.contact.email!);
  await expect(ordersPage.row(order.number)).toBeVisible();

  await ordersPage.searchFor(`${order.contact.first_name} ${order.contact.last_name}`);
  await expect(ordersPage.row(order.number)).toBeVisible();
});

test('filters narrow the list, live in the URL and survive a reload', async ({ page, ordersPage, api }) => {
  await ordersPage.goto();
  await ordersPage.chooseFilter('Status', 'Paid');
  await expect(page).toHaveURL(/status=paid/);
  await expect(ordersPage.rows.first()).toBeVisible();
  for (const badge of await ordersPage.rows.locator('[data-status]').all()) {
    await expect(badge).toHaveAttribute('data-status', 'paid');
  }

  await ordersPage.chooseFilter('Payment method', 'Card');
  await expect(page).toHaveURL(/payment_method=card/);
  const expected = await api.get<{ items: OrderListItem[] }>('/api/v1/orders?status=paid&payment_method=card&limit=50');
  await expect(ordersPage.rows).toHaveCount(expected.items.length);

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Status' })).toHaveValue('Paid');
  await expect(page.getByRole('textbox', { name: 'Payment method' })).toHaveValue('Card');
});

test.describe('as finance', () => {
  test.use({ role: 'finance' });

  test('CSV export downloads the current filter', async ({ page, ordersPage }) => {
    await ordersPage.goto('?status=paid&payment_method=card');
    await expect(ordersPage.exportCsv).toHaveAttribute('href', /\/api\/v1\/orders\.csv\?.*status=paid.*payment_method=card/);
    const [download] = await Promise.all([page.waitForEvent('download'), ordersPage.exportCsv.click()]);
    const text = await (await download.createReadStream()).toArray();
    const csv = Buffer.concat(text).toString('utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('number');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes(',paid,'))).toBe(true);
  });
});

test('the event filter and date range are sent to the API', async ({ page, ordersPage, api }) => {
  const newest = await api.get<{ items: OrderListItem[] }>('/api/v1/orders?limit=1');
  const event = { id: newest.items[0]!.event_id, name: newest.items[0]!.event_name };
  await ordersPage.goto(`?event_id=${event.id}&from=2020-01-01&to=2030-12-31`);
  await expect(page.getByRole('textbox', { name: 'Event' })).toHaveValue(event.name);
  const expected = await api.get<{ items: OrderListItem[] }>(
    `/api/v1/orders?event_id=${event.id}&from=2020-01-01&to=2030-12-31&limit=50`,
  );
  await expect(ordersPage.rows).toHaveCount(expected.items.length);
  for (const item of expected.items.slice(0, 5)) await expect(ordersPage.row(item.number)).toContainText(event.name);
});

test('a date range picked in the calendar filters the list', async ({ page, ordersPage }) => {
  await ordersPage.goto();
  const newest = await ordersPage.rows.first().getAttribute('data-order');
  await page.getByRole('button', { name: 'Order date' }).click();
  const today = new Date();
  const label = (d: Date) => `${d.getDate()} ${d.toLocaleString('en-GB', { month: 'long' })} ${d.getFullYear()}`;
  const first = new Date(today.getFullYear(), today.getMonth(), 1);
  await page.getByRole('button', { name: label(first), exact: true }).first().click();
  await page.getByRole('button', { name: label(today), exact: true }).first().click();
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  await expect(page).toHaveURL(new RegExp(`from=${iso(first)}&to=${iso(today)}`));
  await expect(ordersPage.row(newest!)).toBeVisible();
});

test('load more appends the next page', async ({ ordersPage, api }) => {
  const first = await api.get<{ items: OrderListItem[]; next_cursor: string | null }>('/api/v1/orders?limit=50');
  expect(first.next_cursor, 'the demo data spans more than one page').toBeTruthy();
  await ordersPage.goto();
  await expect(ordersPage.rows).toHaveCount(50);
  await ordersPage.loadMore.click();
  await expect.poll(() => ordersPage.rows.count()).toBeGreaterThan(50);
});

test('a row opens the order detail', async ({ page, ordersPage }) => {
  await ordersPage.goto();
  const number = await ordersPage.rows.first().getAttribute('data-order');
  await ordersPage.open(number!);
  await expect(page).toHaveURL(new RegExp(`/orders/${number}$`));
  await expect(page.getByTestId('order-number')).toHaveText(number!);
  await page.reload();
  await expect(page.getByTestId('order-number')).toHaveText(number!);
});
