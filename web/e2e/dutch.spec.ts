import { test, expect } from './support/fixtures';
import { findOrder, valid } from './support/orders';
import { PASSWORD, USERS } from './support/env';
import type { OrderDetail } from './support/types';
import { DUTCH_DATE_TIME, DUTCH_MONEY, dutchDateTime, dutchMoney, englishDateTime, englishMoney } from './support/locales';

// The main flows with a Dutch browser: the UI follows the browser's language when the account has no choice.
test.describe('in Dutch', () => {
  test.use({ locale: 'nl-NL' });

  test('log in, find an order and open it: Dutch texts, dates and amounts', async ({ browser, api }) => {
    const order = await findOrder(api, { query: { status: 'paid' }, where: (o) => valid(o).length > 0, claim: false });
    const me = await api.get<{ organisation: { time_zone: string } }>('/api/v1/me');
    const context = await browser.newContext({ locale: 'nl-NL', storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();

    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Inloggen bij Boxoffice' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await page.getByLabel('E-mail').fill(USERS.finance);
    await page.getByLabel(/^Wachtwoord/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();

    await expect(page.getByRole('heading', { name: 'Bestellingen', level: 1 })).toBeVisible();
    const table = page.getByRole('table', { name: 'Bestellingen' });
    await expect(table.getByRole('columnheader', { name: 'Klant' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Aangemaakt' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Bestellingen zoeken' }).fill(order.number);
    await page.getByRole('searchbox', { name: 'Bestellingen zoeken' }).press('Enter');
    const row = table.locator(`tr[data-order="${order.number}"]`);
    await expect(row).toBeVisible();
    await expect(row.locator('td').nth(5)).toHaveText(dutchMoney(order.totals.total));
    await expect(page.getByTestId('orders-count')).toContainText(/^1 bestelling/);

    await page.getByRole('link', { name: order.number, exact: true }).click();
    await expect(page.getByTestId('order-number')).toHaveText(order.number);
    await expect(page.getByText(`besteld op ${dutchDateTime(order.created_at, me.organisation.time_zone)}`)).toBeVisible();
    await expect(page.getByTestId('total-refundable')).toHaveText(dutchMoney(order.totals.refundable));
    await expect(page.getByRole('heading', { name: 'Inhoud' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Betalingen en terugbetalingen' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Geschiedenis' })).toBeVisible();
    await expect(page.getByTestId('order-status')).toHaveText(/^(Betaald|Deels terugbetaald)$/);
    await expect(page.getByTestId('history')).toContainText(DUTCH_DATE_TIME);
    await expect(page).toHaveTitle(`Bestelling ${order.number} · Boxoffice`);
    await context.close();
  });

  test('the refund dialog in Dutch', async ({ page, api }) => {
    const order = await findOrder(api, {
      query: { status: 'paid' },
      where: (o) => o.actions.refund.enabled && valid(o).length >= 2,
    });
    const ticket = valid(order)[0]!;
    await page.goto(`/orders/${order.number}`);
    await page.getByRole('button', { name: 'Acties voor de bestelling' }).click();
    await page.getByRole('menuitem', { name: 'Terugbetalen', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Bestelling ${order.number} terugbetalen` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('refundable')).toHaveText(`Terug te betalen: ${dutchMoney(order.totals.refundable)}`);
    await expect(dialog.getByRole('textbox', { name: 'Extra bedrag' })).toHaveAttribute('placeholder', '€ 0,00');
    await dialog.locator(`[data-ticket-id="${ticket.id}"] input[type=checkbox]`).check();
    await dialog.getByRole('textbox', { name: 'Reden' }).fill('Klant kan niet komen');
    const summary = dialog.getByTestId('refund-summary');
    await expect(summary).toContainText(`van bestelling ${order.number} terugbetalen aan`);
    await expect(summary).toContainText(`${ticket.ticket_type.name} wordt terugbetaald en is niet meer te gebruiken.`);
    await expect(summary).toContainText(DUTCH_MONEY);
    const confirm = dialog.getByRole('button', { name: /^€\s[\d.]+,\d{2} terugbetalen$/ });
    await expect(confirm).toBeEnabled();
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.mantine-Notification-root').filter({ hasText: /Terugbetaling (gestart|voltooid)/ })).toBeVisible();
    await expect(page.getByTestId('order-status')).toHaveText('Deels terugbetaald', { timeout: 20_000 });
    await expect(page.getByTestId('history').locator('.mantine-Timeline-item').filter({ hasText: 'Terugbetaling' }).first()).toBeVisible();
  });

  test('reports in Dutch', async ({ page }) => {
    await page.goto('/reports/revenue?period=this_year');
    await expect(page.getByRole('heading', { name: 'Rapporten', level: 1 })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Omzet' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('radiogroup', { name: 'Periode' }).getByText('Dit jaar', { exact: true })).toBeVisible();
    await expect(page.getByTestId('period-label')).toHaveText(/^1 jan\. – \d{1,2} (jan\.|feb\.|mrt\.|apr\.|mei|jun\.|jul\.|aug\.|sep\.|okt\.|nov\.|dec\.) \d{4}$/);
    const table = page.getByRole('table', { name: 'Omzet' });
    await expect(table.getByRole('columnheader', { name: 'Verkocht' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Terugbetalingen' })).toBeVisible();
    const total = table.locator('tr[data-key="total"] [data-column="gross"]');
    await expect(total).toHaveText(DUTCH_MONEY);
    await expect(page.getByTestId('stat-revenue')).toHaveText((await total.textContent())!);
    await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText(/^(ma|di|wo|do|vr|za|zo) \d{1,2} /);
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('dates are day first with a 24-hour clock, amounts as in the UK', async ({ page, api }) => {
    const order = await findOrder(api, { query: { status: 'paid' }, where: () => true, claim: false });
    const me = await api.get<{ organisation: { time_zone: string } }>('/api/v1/me');
    await page.goto(`/orders/${order.number}`);
    await expect(page.getByText(`ordered ${englishDateTime(order.created_at, me.organisation.time_zone)}`)).toBeVisible();
    await expect(page.getByTestId('total-refundable')).toHaveText(englishMoney(order.totals.refundable));
    await expect(page.locator('body')).not.toContainText(/\d (AM|PM)\b/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});

test.describe('with an American browser', () => {
  test.use({ locale: 'en-US' });

  test('English is still day first without AM/PM', async ({ page, api }) => {
    const order: OrderDetail = await findOrder(api, { query: { status: 'paid' }, where: () => true, claim: false });
    const me = await api.get<{ organisation: { time_zone: string } }>('/api/v1/me');
    await page.goto(`/orders/${order.number}`);
    await expect(page.getByText(`ordered ${englishDateTime(order.created_at, me.organisation.time_zone)}`)).toBeVisible();
    await expect(page.locator('body')).not.toContainText(/\d (AM|PM)\b/);
  });
});
