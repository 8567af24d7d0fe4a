import { test, expect } from './support/fixtures';
import { findOrder } from './support/orders';

interface Personalisation {
  tickets: {
    ticket_id: number;
    fields: { key: string; label: string; kind: string; required: boolean; options?: string[] | null }[];
    values: Record<string, string | null>;
    missing: string[];
  }[];
}

const SAMPLE: Record<string, string> = {
  text: 'Robin',
  email: 'robin.attendee@example.com',
  date: '1991-05-17',
  phone: '+31612345678',
};

test.use({ role: 'support' });

test('personalise a ticket: missing fields are marked, saved values stick', async ({ page, orderPage, personalisationPage, api }) => {
  const order = await findOrder(api, {
    where: (o) => o.actions.personalisation.enabled,
  });
  const data = await api.get<Personalisation>(`/api/v1/orders/${order.number}/personalisation`);
  const ticket = data.tickets.find((t) => t.missing.length > 0) ?? data.tickets[0]!;

  await orderPage.goto(order.number);
  await orderPage.choose('Open personalisation');
  await expect(page).toHaveURL(new RegExp(`/orders/${order.number}/personalisation$`));
  await expect(personalisationPage.forms()).toHaveCount(data.tickets.length);
  const form = personalisationPage.ticketForm(ticket.ticket_id);
  if (ticket.missing.length) await expect(form.getByTestId('missing-badge')).toBeVisible();

  const emailField = ticket.fields.find((f) => f.kind === 'email');
  if (emailField) {
    await form.getByRole('textbox', { name: emailField.label }).fill('not-an-e-mail');
    await form.getByRole('button', { name: /^Save ticket/ }).click();
    await expect(form.getByText('Check the highlighted fields.')).toBeVisible();
    await expect(form.locator(`[data-field="${emailField.key}"][aria-invalid="true"]`)).toBeVisible();
  }

  const filled: Record<string, string> = {};
  for (const field of ticket.fields) {
    if (field.kind === 'select') {
      const option = field.options?.[0];
      if (!option) continue;
      await form.getByRole('textbox', { name: field.label }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
      filled[field.key] = option;
    } else {
      const value = field.key.includes('last') ? 'Attendee' : SAMPLE[field.kind] ?? 'Robin';
      await form.getByRole('textbox', { name: field.label }).fill(value);
      filled[field.key] = value;
    }
  }
  await form.getByRole('button', { name: /^Save ticket/ }).click();
  await expect(form.getByRole('status')).toHaveText('Saved');
  await expect(form.getByTestId('missing-badge')).toHaveCount(0);

  const after = await api.get<Personalisation>(`/api/v1/orders/${order.number}/personalisation`);
  const saved = after.tickets.find((t) => t.ticket_id === ticket.ticket_id)!;
  expect(saved.missing).toEqual([]);
  for (const [key, value] of Object.entries(filled)) expect(saved.values[key]).toBe(value);

  await orderPage.goto(order.number);
  await expect(orderPage.historyEntry('Attendee data changed').first()).toBeVisible();
});

test('the customer link page lets the customer fill in the data', async ({ browser, personalisationPage, orderPage, api }) => {
  // The page speaks the customer's language: an English-speaking customer here (language.spec.ts has a Dutch one).
  const order = await findOrder(api, { where: (o) => o.actions.personalisation.enabled && o.contact.language === 'en' });
  const data = await api.get<Personalisation>(`/api/v1/orders/${order.number}/personalisation`);
  const ticket = data.tickets[0]!;

  await orderPage.page.goto(`/orders/${order.number}/personalisation`);
  await personalisationPage.createLink.click();
  await expect(personalisationPage.linkField).toHaveValue(/\/p\/.+/);
  const url = await personalisationPage.linkField.inputValue();

  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: { width: 390, height: 844 } });
  const page = await customer.newPage();
  await page.goto(new URL(url).pathname);
  await expect(page.getByText(`Order ${order.number}`)).toBeVisible();
  const form = page.locator(`form[data-ticket-id="${ticket.ticket_id}"]`);
  const filled: Record<string, string> = {};
  for (const field of ticket.fields.filter((f) => f.kind !== 'select')) {
    const value = field.key.includes('last') ? 'Customer' : SAMPLE[field.kind] ?? 'Kim';
    await form.getByRole('textbox', { name: field.label }).fill(value);
    filled[field.key] = value;
  }
  await form.getByRole('button', { name: /^Save ticket/ }).click();
  await expect(form.getByRole('status')).toHaveText('Saved');
  await customer.close();

  const after = await api.get<Personalisation>(`/api/v1/orders/${order.number}/personalisation`);
  const saved = after.tickets.find((t) => t.ticket_id === ticket.ticket_id)!;
  for (const [key, value] of Object.entries(filled)) expect(saved.values[key]).toBe(value);
});
