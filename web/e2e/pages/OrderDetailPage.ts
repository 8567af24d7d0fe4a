import { expect, type Locator, type Page } from '@playwright/test';

export type ActionLabel = 'Resend' | 'Open personalisation' | 'Change' | 'Refund' | 'Cancel';

export type TicketChangeLabel = 'Change type or event' | 'Hand over to someone else' | 'Cancel this ticket';

export class OrderDetailPage {
  constructor(readonly page: Page) {}

  get number() {
    return this.page.getByTestId('order-number');
  }
  get status() {
    return this.page.getByTestId('order-status');
  }
  get actionsButton() {
    return this.page.getByRole('button', { name: 'Order actions' });
  }
  get menu() {
    return this.page.getByRole('menu');
  }
  get contact() {
    return this.page.getByRole('region', { name: 'Contact' }).or(this.page.locator('section[aria-labelledby="contact-title"]'));
  }
  get moreInfo() {
    return this.page.getByRole('button', { name: 'More info' });
  }
  get allContactData() {
    return this.page.getByRole('region', { name: 'All contact data' });
  }
  get history() {
    return this.page.getByTestId('history');
  }
  get emailLog() {
    return this.page.getByTestId('email-log');
  }
  get refundable() {
    return this.page.getByTestId('total-refundable');
  }
  get contents() {
    return this.page.getByRole('table', { name: 'Tickets' });
  }
  /** The open amount with its Record payment and Waive buttons. */
  get openAmount() {
    return this.page.getByTestId('open-amount');
  }
  get headerOpenAmount() {
    return this.page.getByTestId('header-open-amount');
  }
  get payments() {
    return this.page.locator('section[aria-labelledby="payments-title"]');
  }
  get noteInput() {
    return this.page.getByRole('textbox', { name: 'Internal note' });
  }

  async goto(number: string) {
    await this.page.goto(`/orders/${number}`);
    await expect(this.number).toHaveText(number);
  }

  async openActions() {
    await this.actionsButton.click();
    await expect(this.menu).toBeVisible();
  }

  action(label: ActionLabel): Locator {
    return this.menu.getByRole('menuitem', { name: label, exact: true });
  }

  async choose(label: ActionLabel) {
    await this.openActions();
    await this.action(label).click();
  }

  async editContact() {
    if ((await this.moreInfo.getAttribute('aria-expanded')) !== 'true') await this.moreInfo.click();
    await this.allContactData.getByRole('button', { name: 'Edit' }).click();
    return this.page.getByRole('form', { name: 'Edit contact' });
  }

  ticketRow(id: number): Locator {
    return this.contents.locator(`tr[data-ticket-id="${id}"]`);
  }

  /** The Change button of a ticket row. */
  ticketChange(id: number): Locator {
    return this.ticketRow(id).getByTestId('ticket-change');
  }

  async changeTicket(id: number, label: TicketChangeLabel) {
    await this.ticketChange(id).click();
    await this.page.getByRole('menuitem', { name: label, exact: true }).click();
  }

  historyEntry(title: string) {
    return this.history.locator('.mantine-Timeline-item').filter({ hasText: title });
  }
}
