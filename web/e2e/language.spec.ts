import { test, expect } from './support/fixtures';
import { findOrder } from './support/orders';
import { Api } from './support/api';
import { chooseLanguage } from './pages/LanguageMenu';

interface Me {
  user: { id: number; language: string | null } | null;
}

// These tests change the demo finance account's language: put it back whatever happens.
test.afterEach(async ({ api }) => {
  const me = await api.get<Me>('/api/v1/me');
  if (me.user?.language) {
    await api.send('PATCH', '/api/v1/me', { language: null });
  }
});

test.use({ locale: 'en-GB' });

test('switch to Dutch in the user menu; the choice stays after a reload and on the account', async ({ page, api, browser }) => {
  await page.goto('/orders');
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();
  await chooseLanguage(page, 'Nederlands');
  await expect(page.getByRole('heading', { name: 'Bestellingen', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Kaartverkoop' }).getByRole('link', { name: 'Rapporten' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Bestellingen', level: 1 })).toBeVisible();

  const me = await api.get<Me>('/api/v1/me');
  expect(me.user?.language).toBe('nl');
  // Another browser of the same person (no local memory, an English browser) follows the account.
  const other = await browser.newContext({ locale: 'en-GB', storageState: await page.context().storageState() });
  const otherPage = await other.newPage();
  await otherPage.evaluate(() => window.localStorage.clear()).catch(() => undefined);
  await otherPage.goto('/orders');
  await expect(otherPage.getByRole('heading', { name: 'Bestellingen', level: 1 })).toBeVisible();
  await other.close();
});

test('the account page chooses the language, or the browser\'s', async ({ page, api }) => {
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
  const language = page.getByRole('radiogroup', { name: 'Language' });
  await expect(language.getByRole('radio', { name: 'Browser (English)' })).toBeChecked();

  const saved = page.waitForRequest((request) => request.method() === 'PATCH' && request.url().endsWith('/api/v1/me'));
  await language.getByText('Nederlands', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Mijn account', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  const request = await saved;
  expect(request.postDataJSON()).toEqual({ language: 'nl' });
  expect(request.headers()['x-csrf-token']).toBeTruthy();
  await expect.poll(async () => (await api.get<Me>('/api/v1/me')).user?.language).toBe('nl');

  await page.getByRole('radiogroup', { name: 'Taal' }).getByText('Browser (English)', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(async () => (await api.get<Me>('/api/v1/me')).user?.language).toBeNull();
});

test.describe('the customer\'s page', () => {
  test.use({ role: 'support' });

  async function customerLink(api: Api, language: string) {
    const order = await findOrder(api, {
      where: (o) => o.actions.personalisation.enabled && o.contact.language === language,
    });
    const link = await api.send<{ url: string }>('POST', `/api/v1/orders/${order.number}/personalisation-link`, { send_email: false });
    return { order, url: new URL(link.url, 'http://x').pathname };
  }

  test('a Dutch customer gets Dutch in an English browser, even after staff chose English', async ({ browser, api }) => {
    const { order, url } = await customerLink(api, 'nl');
    const context = await browser.newContext({ locale: 'en-GB', storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.addInitScript(() => window.localStorage.setItem('boxoffice.language', 'en'));
    const answer = page.waitForResponse((response) => response.url().includes('/api/v1/p/'));
    await page.goto(url);
    const body = (await (await answer).json()) as { language: string };
    expect(body.language).toBe('nl');
    await expect(page.getByText(`Bestelling ${order.number} · vul de gegevens van elke bezoeker in.`)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Ticket 1 opslaan$/ })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page).toHaveTitle(/^Bezoekersgegevens · /);
    await context.close();
  });

  test('an English customer gets English in a Dutch browser', async ({ browser, api }) => {
    const { order, url } = await customerLink(api, 'en');
    const context = await browser.newContext({ locale: 'nl-NL', storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const answer = page.waitForResponse((response) => response.url().includes('/api/v1/p/'));
    await page.goto(url);
    const body = (await (await answer).json()) as { language: string };
    expect(body.language).toBe('en');
    await expect(page.getByText(`Order ${order.number} · please fill in the details of each attendee.`)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await context.close();
  });
});
