import type { Page } from '@playwright/test';

export class OrdersPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: 'Orders', level: 1 });
  }
  get search() {
    return this.page.getByRole('searchbox', { name: 'Search orders' });
  }
  get table() {
    return this.page.getByRole('table', { name: 'Orders' });
  }
  get rows() {
    return this.table.locator('tbody tr');
  }
  get loadMore() {
    return this.page.getByRole('button', { name: 'Load more' });
  }
  get exportCsv() {
    return this.page.getByRole('link', { name: 'Export CSV' });
  }
  get count() {
    return this.page.getByTestId('orders-count');
  }

  async goto(query = '') {
    await this.page.goto(`/orders${query}`);
    await this.heading.waitFor();
  }

  row(number: string) {
    return this.table.locator(`tr[data-order="${number}"]`);
  }

  async searchFor(text: string) {
    await this.search.fill(text);
    await this.search.press('Enter');
  }

  async chooseFilter(name: 'Status' | 'Event' | 'Payment method', option: string) {
    await this.page.getByRole('textbox', { name }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async open(number: string) {
    await this.page.getByRole('link', { name: number, exact: true }).click();
  }
}
