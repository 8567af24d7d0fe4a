import { test, expect } from './support/fixtures';

test.use({ role: 'finance' });

/** "€1,234.50", "-€170.00", "1,234" → "1234.50", "-170.00", "1234" */
const plain = (text: string) => text.replace(/[^\d.-]/g, '');

function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
}

test('the revenue report shows a chart and a table; the CSV export has the same numbers', async ({ page, reportsPage }) => {
  await reportsPage.goto('revenue', '?period=this_year');
  await expect(reportsPage.chart).toBeVisible();
  await expect(reportsPage.table).toBeVisible();
  const rows = await reportsPage.rows();
  expect(rows.size).toBeGreaterThan(1);
  const total = rows.get('total')!;
  await expect(page.getByTestId('stat-revenue')).toHaveText(total.gross!);
  expect(Number(plain(total.gross!))).toBeGreaterThan(0);

  const [download] = await Promise.all([page.waitForEvent('download'), reportsPage.exportCsv.click()]);
  const csv = parseCsv(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8'));
  const [header, ...lines] = csv;
  expect(header).toEqual(expect.arrayContaining(['key', 'label', 'gross', 'refunds', 'net', 'tickets_sold']));
  const column = (name: string) => header!.indexOf(name);
  expect(lines).toHaveLength(rows.size);
  for (const line of lines) {
    const shown = rows.get(line[column('key')]!);
    expect(shown, `table row ${line[column('key')]}`).toBeDefined();
    for (const figure of ['gross', 'refunds', 'net', 'fees', 'tickets_sold', 'tickets_refunded']) {
      expect(plain(shown![figure]!), `${line[0]} ${figure}`).toBe(line[column(figure)]);
    }
  }
});

test('grouping per payment method and the reconciliation with its exceptions', async ({ page, reportsPage }) => {
  await reportsPage.goto('revenue', '?period=this_year');
  await page.getByRole('textbox', { name: 'Group by' }).click();
  await page.getByRole('option', { name: 'Per payment method' }).click();
  await expect(reportsPage.table.getByRole('columnheader', { name: 'Payment method' })).toBeVisible();
  const rows = await reportsPage.rows();
  expect([...rows.keys()]).toContain('card');

  await page.getByRole('tab', { name: 'Reconciliation' }).click();
  await expect(page).toHaveURL(/\/reports\/reconciliation\?period=this_year$/);
  await expect(page.getByRole('heading', { name: /exceptions? to look at|No exceptions/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Per provider and method' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Payments and refunds' }).locator('tbody tr').first()).toBeVisible();
});

test.describe('a viewer', () => {
  test.use({ role: 'viewer' });

  test('sees the revenue report without export or reconciliation', async ({ page, reportsPage }) => {
    await reportsPage.goto();
    await expect(reportsPage.chart).toBeVisible();
    await expect(reportsPage.exportCsv).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'Reconciliation' })).toHaveCount(0);
  });
});
