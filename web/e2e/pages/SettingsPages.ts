import { expect, type Locator, type Page } from '@playwright/test';

export class EventsSettingsPage {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.getByRole('table', { name: 'Events' });
  }
  get newEvent() {
    return this.page.getByRole('button', { name: 'New event' });
  }
  get form() {
    return this.page.getByRole('form', { name: 'New event' });
  }

  async goto() {
    await this.page.goto('/settings/events');
    await expect(this.page.getByRole('heading', { name: 'Events', level: 1 })).toBeVisible();
  }

  /** Fills and sends the new-event form; times are wall-clock values `YYYY-MM-DDTHH:mm`. */
  async create(event: { name: string; venue: string; startsAt: string; endsAt: string }) {
    await this.newEvent.click();
    await this.form.getByLabel('Name').fill(event.name);
    await this.form.getByLabel('Venue').fill(event.venue);
    await this.form.getByLabel('Starts').fill(event.startsAt);
    await this.form.getByLabel('Ends').fill(event.endsAt);
    await this.form.getByRole('button', { name: 'Create event' }).click();
  }
}

export class EventSettingsPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }
  get ticketTypes() {
    return this.page.getByRole('table', { name: 'Ticket types' });
  }
  get addTicketType() {
    return this.page.getByRole('button', { name: 'Add ticket type' }).first();
  }

  async goto(id: number) {
    await this.page.goto(`/settings/events/${id}`);
    await expect(this.ticketTypes.or(this.page.getByText('No ticket types yet'))).toBeVisible();
  }

  row(name: string) {
    return this.ticketTypes.locator('tbody tr').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async edit(name: string) {
    await this.page.getByRole('button', { name: `Actions for ${name}` }).click();
    await this.page.getByRole('menuitem', { name: 'Edit' }).click();
  }

  eventId(): number {
    return Number(new URL(this.page.url()).pathname.split('/').pop());
  }
}

export class TicketTypeDialog {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByRole('dialog');
  }
  get name() {
    return this.root.getByRole('textbox', { name: 'Name' });
  }
  get price() {
    return this.root.getByRole('textbox', { name: 'Price' });
  }
  get fee() {
    return this.root.getByRole('textbox', { name: 'Service fee' });
  }
  get capacity() {
    return this.root.getByRole('textbox', { name: 'Capacity' });
  }
  get addField() {
    return this.root.getByRole('button', { name: 'Add field' });
  }
  get submit() {
    return this.root.getByRole('button', { name: /^(Add|Save) ticket type$/ });
  }

  field(index: number): Locator {
    return this.root.getByRole('group', { name: `Field ${index + 1}` });
  }

  async addPersonalisationField(field: { label: string; key?: string; kind: string; required: boolean }) {
    await this.addField.click();
    const fields = this.root.locator('[data-field-index]');
    const row = fields.last();
    await row.getByRole('textbox', { name: 'Label' }).fill(field.label);
    if (field.key !== undefined) await row.getByRole('textbox', { name: 'Key' }).fill(field.key);
    await row.getByRole('textbox', { name: 'Kind' }).click();
    await this.page.getByRole('option', { name: field.kind, exact: true }).click();
    const required = row.getByRole('switch', { name: 'Required' });
    if ((await required.isChecked()) !== field.required) await row.locator('label', { hasText: 'Required' }).click();
    await expect(required).toBeChecked({ checked: field.required });
    return row;
  }
}

export class TokensSettingsPage {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.getByRole('table', { name: 'API tokens' });
  }
  get dialog() {
    return this.page.getByRole('dialog');
  }

  async goto() {
    await this.page.goto('/settings/tokens');
    await expect(this.page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();
  }

  async create(name: string, role: string): Promise<string> {
    await this.page.getByRole('button', { name: 'New token' }).click();
    await this.dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await this.dialog.getByRole('textbox', { name: 'Role' }).click();
    await this.page.getByRole('option', { name: role, exact: true }).click();
    await this.dialog.getByRole('button', { name: 'Create token' }).click();
    await expect(this.dialog.getByText('You will not see this token again.')).toBeVisible();
    return (await this.dialog.getByTestId('secret-value').textContent()) ?? '';
  }

  row(name: string) {
    return this.table.locator('tbody tr').filter({ hasText: name });
  }

  async revoke(name: string) {
    await this.row(name).getByRole('button', { name: 'Revoke' }).click();
    await this.dialog.getByRole('button', { name: 'Revoke token' }).click();
  }
}

export class UsersSettingsPage {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.getByRole('table', { name: 'Users' });
  }
  get dialog() {
    return this.page.getByRole('dialog');
  }

  async goto() {
    await this.page.goto('/settings/users');
    await expect(this.page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  }

  async invite(user: { email: string; name: string; role: string }) {
    await this.page.getByRole('button', { name: 'Invite user' }).click();
    await this.dialog.getByRole('textbox', { name: 'E-mail' }).fill(user.email);
    await this.dialog.getByRole('textbox', { name: 'Name' }).fill(user.name);
    await this.dialog.getByRole('textbox', { name: 'Role' }).click();
    await this.page.getByRole('option', { name: user.role, exact: true }).click();
    await this.dialog.getByRole('button', { name: 'Send invitation' }).click();
  }

  row(email: string) {
    return this.table.locator(`tr[data-user-email="${email}"]`);
  }

  get invitations() {
    return this.page.getByRole('table', { name: 'Pending invitations' });
  }

  invitation(email: string) {
    return this.invitations.locator(`tr[data-invitation-email="${email}"]`);
  }

  async revokeInvitation(email: string) {
    await this.invitation(email).getByRole('button', { name: 'Revoke' }).click();
    await this.dialog.getByRole('button', { name: 'Revoke invitation' }).click();
  }
}
