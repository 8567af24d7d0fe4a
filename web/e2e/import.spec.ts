import { test, expect } from './support/fixtures';
import { createEvent, unique } from './support/setup';

test.use({ role: 'admin' });

const HEADER = 'order_ref,email,first_name,last_name,mobile,event,ticket_type,payment_method,status';

test('a file with an error is refused with its line; the fixed file is previewed and imported', async ({
  page,
  api,
  importPage,
  orderPage,
}) => {
  const run = unique();
  const event = await createEvent(api, `Import Night ${run}`, [{ name: 'Floor', price: 3000, fee: 150, capacity: 50 }]);
  const rows = (benMobile: string) =>
    [
      HEADER,
      `IMP-${run}-1,ana.${run}@example.com,Ana,Lima,+31612345678,${event.id},Floor,card,paid`,
      `IMP-${run}-1,ana.${run}@example.com,Ana,Lima,+31612345678,${event.id},Floor,card,paid`,
      `IMP-${run}-2,ben.${run}@example.com,Ben,Okafor,${benMobile},${event.id},Floor,bank_transfer,paid`,
    ].join('\n');

  await importPage.goto();
  await importPage.upload('reseller.csv', rows('12'));
  await expect(importPage.errors).toBeVisible({ timeout: 20_000 });
  await expect(importPage.errorRow(4)).toContainText('mobile');
  await expect(importPage.errorRow(4)).toContainText('12');
  await expect(page.getByText(/1 problem found: nothing was imported/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Download the error report/ })).toHaveAttribute('href', /errors\.csv/);

  await importPage.upload('reseller-fixed.csv', rows('+31687654321'));
  await expect(importPage.summary).toBeVisible({ timeout: 20_000 });
  await expect(importPage.summary.getByTestId('figure-orders')).toHaveText('2');
  await expect(importPage.summary.getByTestId('figure-tickets')).toHaveText('3');
  await expect(importPage.summary.getByTestId('figure-total')).toHaveText('€94.50');
  await expect(page.getByRole('table', { name: 'Sample orders' })).toContainText(`IMP-${run}-1`);
  await expect(importPage.sendTickets).not.toBeChecked();

  await importPage.commit.click();
  await expect(importPage.importedOrders).toHaveCount(2, { timeout: 20_000 });
  await expect(page.getByText('Imported 2 orders')).toBeVisible();

  const number = (await importPage.importedOrders.first().textContent())!;
  await importPage.importedOrders.first().click();
  await expect(orderPage.number).toHaveText(number);
  const order = await api.get<{ external_ref: string; source: string; event: { id: number } }>(`/api/v1/orders/${number}`);
  expect(order.source).toBe('import');
  expect(order.external_ref).toMatch(new RegExp(`^IMP-${run}-`));
  expect(order.event.id).toBe(event.id);
});
