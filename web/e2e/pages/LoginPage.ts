import type { Page } from '@playwright/test';

export class LoginPage {
  constructor(readonly page: Page) {}

  get email() {
    return this.page.getByLabel('E-mail');
  }
  get password() {
    return this.page.getByLabel(/^Password/);
  }
  get submit() {
    return this.page.getByRole('button', { name: 'Log in' });
  }
  get error() {
    return this.page.getByRole('alert');
  }

  async goto() {
    await this.page.goto('/login');
  }

  async logIn(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
