import { test, expect } from './support/fixtures';
import { baseURL } from './support/env';
import { unique, type EventRecord } from './support/setup';

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
