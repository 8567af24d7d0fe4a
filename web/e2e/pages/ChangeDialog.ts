import type { Locator, Page } from '@playwright/test';

export type PlanLabel = 'Keep' | 'Change type' | 'Hand over' | 'Cancel';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The change dialog: first the change is built (edit step), then the server's preview is reviewed. */
export class ChangeDialog {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByRole('dialog', { name: /^(Change order|Review the change of order)/ });
  }
  get error() {
    return this.root.getByTestId('action-error');
  }

  /** A ticket's row in the edit step. */
  ticket(id: number): Locator {
    return this.root.locator(`[role="group"][data-ticket-id="${id}"]`);
  }

  async plan(id: number, label: PlanLabel) {
    await this.ticket(id).locator('label').filter({ hasText: new RegExp(`^${label}$`) }).click();
  }

  planControl(id: number, label: PlanLabel): Locator {
    return this.ticket(id).getByRole('radio', { name: label, exact: true });
  }

  /**
   * An entry of the open ticket type list, by the type's name, under its event's heading: the order's own
   * event unless another event's name is given.
   */
  typeOption(name: string, event?: string): Locator {
    const heading = event ? new RegExp(`^${escape(event)} · `) : /\(this order\)$/;
    return this.page
      .locator('.mantine-Select-group')
      .filter({ has: this.page.locator('.mantine-Select-groupLabel', { hasText: heading }) })
      .getByRole('option', { name: new RegExp(`^${escape(name)} · `) });
  }

  async chooseType(scope: Locator, label: string, name: string, event?: string) {
    await scope.getByRole('textbox', { name: label }).click();
    await this.typeOption(name, event).click();
  }

  /** Chooses a new type for a ticket: of the order's event, or of another one (a move). */
  async swap(id: number, typeName: string, event?: string) {
    await this.chooseType(this.ticket(id), 'New ticket type', typeName, event);
  }

  attendee(id: number, label: string): Locator {
    return this.ticket(id).getByRole('textbox', { name: label });
  }

  readonly rowError = (id: number) => this.ticket(id).getByTestId('row-error');
  readonly reason = (id: number) => this.ticket(id).getByTestId('ticket-change-reason');
  readonly review = () => this.root.getByRole('button', { name: 'Review change' });
  readonly editChange = () => this.root.getByRole('button', { name: 'Edit change' });
  readonly confirm = () => this.root.getByRole('button', { name: 'Confirm change' });
  readonly notify = () => this.root.getByRole('checkbox', { name: 'Send the customer the new tickets' });
  readonly reviewRegion = () => this.root.getByRole('region', { name: 'Change review' });
  /** A ticket's line in the review, before → after. */
  readonly reviewLine = (id: number) => this.reviewRegion().locator(`tr[data-ticket-id="${id}"]`);
  readonly difference = () => this.root.getByTestId('change-difference');
  readonly settlement = () => this.root.getByTestId('change-settlement');
}
