import { expect, type Locator, type Page } from '@playwright/test';

export type ActionLabel = 'Resend' | 'Open personalisation' | 'Refund' | 'Cancel';

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

  historyEntry(title: string) {
    return this.history.locator('.mantine-Timeline-item').filter({ hasText: title });
  }
}
