import type { Page } from '@playwright/test';

/** The page of the link in an invitation e-mail. */
export class AcceptInvitationPage {
  constructor(readonly page: Page) {}

  heading(organisation: string) {
    return this.page.getByRole('heading', { name: `Join ${organisation}`, level: 1 });
  }
  get name() {
    return this.page.getByRole('textbox', { name: 'Your name' });
  }
  get password() {
    return this.page.getByLabel(/^Password/);
  }
  get problem() {
    return this.page.getByRole('alert');
  }

  async setPasswordAndJoin(password: string) {
    await this.password.fill(password);
    await this.page.getByRole('button', { name: 'Set password and join' }).click();
  }
}
