import { expect, type Page } from '@playwright/test';

export class ImportPage {
  constructor(readonly page: Page) {}

  get fileInput() {
    return this.page.getByLabel('CSV file');
  }
  get check() {
    return this.page.getByRole('button', { name: /^Check (the new )?file$/ });
  }
  get errors() {
    return this.page.getByRole('table', { name: 'Import errors' });
  }
  get progress() {
    return this.page.getByTestId('import-progress');
  }
  get summary() {
    return this.page.getByRole('group', { name: 'Import summary' });
  }
  get sendTickets() {
    return this.page.getByRole('checkbox', { name: 'Send tickets to imported customers' });
  }
  get commit() {
    return this.page.getByRole('button', { name: /^Import \d+ orders?$/ });
  }
  get importedOrders() {
    return this.page.getByRole('list', { name: 'Imported orders' }).getByRole('link');
  }
  get uploadError() {
    return this.page.getByTestId('upload-error');
  }

  async goto() {
    await this.page.goto('/imports');
    await expect(this.page.getByRole('heading', { name: 'Import orders', level: 1 })).toBeVisible();
  }

  async upload(name: string, csv: string) {
    await this.fileInput.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await expect(this.page.getByTestId('file-name')).toHaveText(name);
    await this.check.click();
  }

  errorRow(line: number) {
    return this.errors.locator(`tr[data-line="${line}"]`);
  }
}
