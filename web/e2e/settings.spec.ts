import { test, expect } from './support/fixtures';
import { baseURL } from './support/env';
import { unique, type EventRecord } from './support/setup';
import { EmailTextsSettings } from './pages/EmailTextsSettings';

test.use({ role: 'admin' });

test('create an event and a ticket type with a required personalisation field', async ({
  page,
  api,
  eventsSettings,
  eventSettings,
  ticketTypeDialog,
}) => {
  const name = `Harbour Lights ${unique()}`;
  const year = new Date().getFullYear() + 1;
  await eventsSettings.goto();
  await eventsSettings.create({ name, venue: 'Pier 4', startsAt: `${year}-08-20T19:30`, endsAt: `${year}-08-20T23:00` });
  await expect(eventSettings.heading).toHaveText(name);
  await expect(page.getByText(`20 Aug ${year}, 19:30 – 23:00`)).toBeVisible();
  const eventId = eventSettings.eventId();

  await eventSettings.addTicketType.click();
  await ticketTypeDialog.name.fill('Standing');
  await ticketTypeDialog.price.fill('45');
  await ticketTypeDialog.fee.fill('2.5');
  await ticketTypeDialog.capacity.fill('300');
  await ticketTypeDialog.addPersonalisationField({ label: 'Date of birth', kind: 'Date', required: true });
  const bad = await ticketTypeDialog.addPersonalisationField({ label: 'Club', key: 'club name!', kind: 'Text', required: false });
  await ticketTypeDialog.submit.click();

  // The server's 422 names the second field's key: the message sits on that input.
  await expect(bad.getByRole('textbox', { name: 'Key' })).toHaveAttribute('aria-invalid', 'true');
  await expect(ticketTypeDialog.field(0).getByRole('textbox', { name: 'Key' })).not.toHaveAttribute('aria-invalid', 'true');
  await bad.getByRole('button', { name: 'Remove field 2' }).click();
  await ticketTypeDialog.submit.click();
  await expect(ticketTypeDialog.root).toBeHidden();
  await expect(eventSettings.row('Standing')).toContainText('1 field · 1 required');
  await expect(eventSettings.row('Standing')).toContainText('0 / 300');

  const saved = await api.get<EventRecord>(`/api/v1/events/${eventId}`);
  expect(saved.name).toBe(name);
  expect(saved.venue).toBe('Pier 4');
  expect(saved.ticket_types).toHaveLength(1);
  expect(saved.ticket_types[0]).toMatchObject({ name: 'Standing', price: 4500, fee: 250, capacity: 300 });
  expect(saved.ticket_types[0]!.personalisation_fields).toEqual([
    expect.objectContaining({ key: 'date_of_birth', label: 'Date of birth', kind: 'date', required: true }),
  ]);
});

test("a capacity below the tickets sold shows the server's message on the field", async ({
  api,
  eventSettings,
  ticketTypeDialog,
}) => {
  const events = await api.get<{ items: { id: number }[] }>('/api/v1/events');
  let target: { eventId: number; type: EventRecord['ticket_types'][number] } | null = null;
  for (const { id } of events.items) {
    const event = await api.get<EventRecord>(`/api/v1/events/${id}`);
    const type = event.ticket_types.find((t) => t.issued > 1);
    if (type) {
      target = { eventId: id, type };
      break;
    }
  }
  expect(target, 'a demo ticket type with tickets sold').not.toBeNull();
  const { eventId, type } = target!;

  await eventSettings.goto(eventId);
  await eventSettings.edit(type.name);
  await ticketTypeDialog.capacity.fill(String(type.issued - 1));
  await ticketTypeDialog.submit.click();
  await expect(ticketTypeDialog.root.getByText(`Cannot be below the ${type.issued.toLocaleString('en')} tickets already issued`)).toBeVisible();
  await expect(ticketTypeDialog.capacity).toHaveAttribute('aria-invalid', 'true');

  const after = await api.get<EventRecord['ticket_types'][number]>(`/api/v1/ticket-types/${type.id}`);
  expect(after.capacity).toBe(type.capacity);
});

test('an event with orders cannot be deleted: the server says why', async ({ page, eventsSettings }) => {
  await eventsSettings.goto();
  const row = eventsSettings.table.locator('tbody tr').filter({ hasText: 'Spring Jazz Night' });
  await row.getByRole('button', { name: 'Actions for Spring Jazz Night' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Spring Jazz Night?' });
  await dialog.getByRole('button', { name: 'Delete event' }).click();
  await expect(dialog.getByTestId('action-error')).toHaveAttribute('data-code', 'event_has_orders');
  await expect(dialog.getByTestId('action-error')).not.toBeEmpty();
  await dialog.getByRole('button', { name: 'Back' }).click();
  await expect(row).toBeVisible();
});

test('an API token works with Bearer until it is revoked', async ({ playwright, tokensSettings }) => {
  const name = `Helpdesk ${unique()}`;
  await tokensSettings.goto();
  const token = await tokensSettings.create(name, 'Viewer');
  expect(token).toMatch(/^bo_/);
  await tokensSettings.dialog.getByRole('button', { name: 'Done' }).click();
  await expect(tokensSettings.row(name)).toContainText(token.slice(0, 10));

  const integration = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const asToken = { headers: { Authorization: `Bearer ${token}` } };
  const before = await integration.get('/api/v1/orders?limit=1', asToken);
  expect(before.status()).toBe(200);

  await tokensSettings.revoke(name);
  await expect(tokensSettings.row(name)).toHaveCount(0);
  const after = await integration.get('/api/v1/orders?limit=1', asToken);
  expect(after.status()).toBe(401);
  await integration.dispose();
});

test('the e-mail text editor previews the sample order as you type', async ({ page }) => {
  await page.goto('/settings/organisation');
  await expect(page.getByRole('textbox', { name: 'Currency' })).toBeDisabled();
  const editor = page.locator('[data-template="tickets"]');
  await expect(editor.getByTestId('preview-subject')).toContainText('T9X4K2QZ');
  await editor.getByRole('textbox', { name: 'Subject' }).fill('See you at {event_name}, {first_name}!');
  await expect(editor.getByTestId('preview-subject')).toHaveText('See you at Northsea Festival, Emma!');
  await editor.getByRole('textbox', { name: 'Subject' }).fill('Hello {nobody}');
  await expect(editor.getByRole('region', { name: 'E-mail preview' })).toContainText('nobody');
});

interface OrganisationTexts {
  default_language: string;
  email_templates: Record<string, Record<string, { subject: string; text: string; customised: boolean }>>;
}

test.describe('e-mail texts per language', () => {
  // The demo organisation is shared by every test: its Dutch tickets text and default language go back.
  test.afterEach(async ({ api }) => {
    await api.send('PATCH', '/api/v1/organisation', { default_language: 'en', email_templates: { nl: { tickets: null } } });
  });

  test('an admin edits the Dutch tickets text; the preview shows it and the English text stays the default', async ({ page, api }) => {
    const before = await api.get<OrganisationTexts>('/api/v1/organisation');
    expect(before.email_templates.nl!.tickets!.customised).toBe(false);
    const texts = new EmailTextsSettings(page);
    await texts.goto();
    await expect(texts.editor('tickets', 'en').previewSubject).toHaveText('Your tickets for Northsea Festival (order T9X4K2QZ)');

    await texts.chooseLanguage('Nederlands');
    const dutch = texts.editor('tickets', 'nl');
    await expect(dutch.subject).toHaveValue(before.email_templates.nl!.tickets!.subject);
    await expect(dutch.previewSubject).toHaveText('Je tickets voor Northsea Festival (bestelling T9X4K2QZ)');
    await dutch.subject.fill('Tot ziens op {event_name}, {first_name}!');
    await dutch.text.fill('Hoi {first_name}, je tickets voor bestelling {order_number} zitten in de bijlage.');
    await expect(dutch.previewSubject).toHaveText('Tot ziens op Northsea Festival, Emma!');
    await expect(dutch.previewText).toHaveText('Hoi Emma, je tickets voor bestelling T9X4K2QZ zitten in de bijlage.');
    const saved = page.waitForRequest((request) => request.method() === 'PATCH' && request.url().endsWith('/api/v1/organisation'));
    await dutch.save.click();
    expect((await saved).postDataJSON()).toEqual({
      email_templates: {
        nl: {
          tickets: {
            subject: 'Tot ziens op {event_name}, {first_name}!',
            text: 'Hoi {first_name}, je tickets voor bestelling {order_number} zitten in de bijlage.',
          },
        },
      },
    });
    await expect(texts.tab('Tickets')).toContainText('Custom');

    await texts.chooseLanguage('English');
    const english = texts.editor('tickets', 'en');
    await expect(english.subject).toHaveValue(before.email_templates.en!.tickets!.subject);
    await expect(english.previewSubject).toHaveText('Your tickets for Northsea Festival (order T9X4K2QZ)');
    await expect(texts.tab('Tickets')).not.toContainText('Custom');

    const after = await api.get<OrganisationTexts>('/api/v1/organisation');
    expect(after.email_templates.nl!.tickets).toMatchObject({ subject: 'Tot ziens op {event_name}, {first_name}!', customised: true });
    expect(after.email_templates.en!.tickets).toEqual(before.email_templates.en!.tickets);
  });

  test('the customer language is saved as the organisation\'s default language', async ({ page, api }) => {
    await page.goto('/settings/organisation');
    const general = page.getByRole('region', { name: 'General', exact: true });
    await expect(general.getByRole('textbox', { name: 'Customer language' })).toHaveValue('English');
    await general.getByRole('textbox', { name: 'Customer language' }).click();
    await page.getByRole('option', { name: 'Nederlands' }).click();
    await general.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await api.get<OrganisationTexts>('/api/v1/organisation')).default_language).toBe('nl');
  });
});

test.describe('other roles', () => {
  test.use({ role: 'finance' });

  test('see no Settings section and no settings page', async ({ page }) => {
    await page.goto('/orders');
    await expect(page.getByRole('link', { name: 'Reports' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Settings' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Import orders' })).toHaveCount(0);
    await page.goto('/settings/users');
    await expect(page.getByText('Not available for your role')).toBeVisible();
  });
});
