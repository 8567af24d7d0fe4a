import { expect, type Page } from '@playwright/test';

/** The language items of the user menu, named in their own language. */
export async function chooseLanguage(page: Page, name: 'English' | 'Nederlands') {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', name === 'English' ? 'en' : 'nl');
}
