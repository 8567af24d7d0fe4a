import type { Page } from '@playwright/test';

abstract class Dialog {
  constructor(protected readonly page: Page, private readonly title: string | RegExp) {}

  get root() {
    return this.page.getByRole('dialog', { name: this.title });
  }

  get error() {
    return this.root.getByTestId('action-error');
  }
}

export class ResendDialog extends Dialog {
  constructor(page: Page) {
    super(page, 'Resend tickets');
  }

  readonly email = () => this.root.getByTestId('resend-email');
  readonly tickets = () => this.root.getByRole('list', { name: 'Tickets to resend' }).getByRole('listitem');
  readonly confirm = () => this.root.getByRole('button', { name: 'Resend tickets' });
}

export class RefundDialog extends Dialog {
  constructor(page: Page) {
    super(page, /^Refund order/);
  }

  ticket(id: number) {
    return this.root.locator(`[data-ticket-id="${id}"] input[type=checkbox]`);
  }

  readonly amount = () => this.root.getByRole('textbox', { name: 'Additional amount' });
  readonly reason = () => this.root.getByRole('textbox', { name: 'Reason' });
  readonly summary = () => this.root.getByTestId('refund-summary');
  readonly confirm = () => this.root.getByRole('button', { name: /^Refund .+\d/ });
}

export class CancelDialog extends Dialog {
  constructor(page: Page) {
    super(page, /^Cancel order/);
  }

  readonly contents = () => this.root.getByRole('list', { name: 'Order contents' }).getByRole('listitem');
  readonly refundAmount = () => this.root.getByRole('textbox', { name: 'Refund amount' });
  readonly notify = () => this.root.getByRole('switch', { name: 'Notify the customer by e-mail' });
  readonly confirm = () => this.root.getByRole('button', { name: /^Cancel (order|and refund)/ });
}

export class RecordPaymentDialog extends Dialog {
  constructor(page: Page) {
    super(page, /^Record a payment for order/);
  }

  readonly amount = () => this.root.getByRole('textbox', { name: 'Amount' });
  readonly method = () => this.root.getByRole('textbox', { name: 'Method' });
  readonly reference = () => this.root.getByRole('textbox', { name: 'Reference' });
  readonly confirm = () => this.root.getByRole('button', { name: /^Record .+\d/ });

  async chooseMethod(label: string) {
    await this.method().click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }
}

export class WaiveDialog extends Dialog {
  constructor(page: Page) {
    super(page, /^Waive the open amount/);
  }

  readonly reason = () => this.root.getByRole('textbox', { name: 'Reason' });
  readonly confirm = () => this.root.getByRole('button', { name: /^Waive .+\d/ });
}
