import { expect, type Page } from '@playwright/test';

export class ReportsPage {
  constructor(readonly page: Page) {}

  get chart() {
    return this.page.getByTestId('revenue-chart').getByRole('img');
  }
  get table() {
    return this.page.getByRole('table', { name: 'Revenue' });
  }
  get groups() {
    return this.page.getByTestId('revenue-groups');
  }
  get exportCsv() {
    return this.page.getByRole('link', { name: 'Export CSV' });
  }

  async goto(report: 'revenue' | 'reconciliation' = 'revenue', query = '') {
    await this.page.goto(`/reports/${report}${query}`);
    await expect(this.page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  }

  async choosePeriod(label: 'This month' | 'Last month' | 'This year') {
    await this.page.getByRole('radiogroup', { name: 'Period' }).getByText(label, { exact: true }).click();
  }

  /** The table's rows as the key of the group and the text of each figure's cell. */
  async rows(): Promise<Map<string, Record<string, string>>> {
    await expect(this.groups).toHaveAttribute('aria-busy', 'false');
    const rows = await this.table.evaluate((table) =>
      [...table.querySelectorAll('tr[data-key]')].map((row) => {
        const cells: Record<string, string> = {};
        for (const cell of row.querySelectorAll('[data-column]')) {
          cells[cell.getAttribute('data-column')!] = cell.textContent ?? '';
        }
        return [row.getAttribute('data-key')!, cells] as const;
      }),
    );
    return new Map(rows);
  }
}
