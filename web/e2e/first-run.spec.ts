import { test, expect } from '@playwright/test';
import { startFreshServer, type FreshServer } from './support/freshServer';
import { LoginPage } from './pages/LoginPage';
import { EventSettingsPage, EventsSettingsPage, TicketTypeDialog } from './pages/SettingsPages';
import { ImportPage } from './pages/ImportPage';
import { OrderDetailPage } from './pages/OrderDetailPage';

const ADMIN = {
  org: 'harbour',
  orgName: 'Harbour Events',
  email: 'owner@harbour.test',
  name: 'Hana Owner',
  password: 'a long harbour passphrase',
};

const MAX_IMPORT_BYTES = 4096;

let server: FreshServer;

test.beforeAll(async () => {
  server = await startFreshServer(ADMIN, ['--import-max-bytes', String(MAX_IMPORT_BYTES)]);
});

test.afterAll(async () => {
  await server?.stop();
});

test.use({ storageState: { cookies: [], origins: [] } });

test('the first admin of a new installation sets up an event, imports orders and personalises them', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();

  await page.goto('/');
  const login = new LoginPage(page);
  await login.logIn(ADMIN.email, ADMIN.password);
  await expect(page.getByText('No orders yet')).toBeVisible();
  await expect(page.getByTestId('organisation-name')).toHaveText(ADMIN.orgName);

  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Events' }).click();
  await expect(page.getByText('No events yet')).toBeVisible();
  const events = new EventsSettingsPage(page);
  const year = new Date().getFullYear() + 1;
  await events.create({ name: 'Harbour Days', venue: 'Quay 1', startsAt: `${year}-05-02T12:00`, endsAt: `${year}-05-03T22:00` });
  const event = new EventSettingsPage(page);
  await expect(event.heading).toHaveText('Harbour Days');

  await event.addTicketType.click();
  const dialog = new TicketTypeDialog(page);
  await dialog.name.fill('Day ticket');
  await dialog.price.fill('25');
  await dialog.capacity.fill('100');
  await dialog.addPersonalisationField({ label: 'Attendee name', kind: 'Text', required: true });
  await dialog.submit.click();
  await expect(event.row('Day ticket')).toContainText('1 field · 1 required');

  await page.getByRole('link', { name: 'Import orders' }).click();
  const importer = new ImportPage(page);
  await expect(page.getByText('up to 4 KB')).toBeVisible();
  await importer.upload('too-big.csv', `order_ref,email\n${'R-1,someone@example.com\n'.repeat(300)}`);
  await expect(importer.uploadError).toContainText(/4 ?KB|4096|too large/i);
  await importer.upload(
    'harbour.csv',
    [
      'order_ref,email,first_name,last_name,event,ticket_type,payment_method',
      'H-1,mia@example.com,Mia,Jansen,Harbour Days,Day ticket,bank_transfer',
      'H-1,mia@example.com,Mia,Jansen,Harbour Days,Day ticket,bank_transfer',
      'H-2,tom@example.com,Tom,Vos,Harbour Days,Day ticket,cash',
    ].join('\n'),
  );
  await expect(importer.summary.getByTestId('figure-orders')).toHaveText('2', { timeout: 20_000 });
  await importer.commit.click();
  await expect(importer.importedOrders).toHaveCount(2, { timeout: 20_000 });

  await importer.importedOrders.first().click();
  const order = new OrderDetailPage(page);
  await expect(order.number).toBeVisible();
  await order.openActions();
  await expect(order.action('Open personalisation')).not.toHaveAttribute('aria-disabled', 'true');
  await order.action('Open personalisation').click();
  await expect(page.getByRole('heading', { name: 'Personalisation' })).toBeVisible();
  await context.close();
});
