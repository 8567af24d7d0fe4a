import type { Page } from '@playwright/test';

export class PersonalisationPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: 'Personalisation' });
  }

  ticketForm(ticketId: number) {
    return this.page.locator(`form[data-ticket-id="${ticketId}"]`);
  }

  forms() {
    return this.page.locator('form[data-ticket-id]');
  }

  field(ticketId: number, label: string) {
    return this.ticketForm(ticketId).getByLabel(label, { exact: false }).first();
  }

  get createLink() {
    return this.page.getByRole('button', { name: 'Create link' });
  }
  get linkField() {
    return this.page.getByRole('textbox', { name: 'Customer link' });
  }
}
