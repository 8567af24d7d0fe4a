import { test, expect } from './support/fixtures';
import { PASSWORD, USERS } from './support/env';
import { findOrder } from './support/orders';

test.describe('log-in', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('logs in and shows who is logged in', async ({ page, loginPage }) => {
    await page.goto('/orders');
    await expect(page).toHaveURL(/\/login/);
    await loginPage.logIn(USERS.support, PASSWORD);
    await expect(page).toHaveURL(/\/orders$/);
    await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();
    await page.getByTestId('user-menu').click();
    await expect(page.getByText(USERS.support)).toBeVisible();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login/);
  });

  test('a wrong password is refused with a message', async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.logIn(USERS.support, 'not-the-password');
    await expect(loginPage.error).toContainText('not correct');
    await expect(page).toHaveURL(/\/login/);
  });

  test('an expired session goes to log-in and comes back to the same order', async ({ page, context, loginPage, api }) => {
    const order = await findOrder(api, { where: () => true, claim: false });
    await loginPage.goto();
    await loginPage.logIn(USERS.viewer, PASSWORD);
    await expect(page).toHaveURL(/\/orders$/);
    await page.goto(`/orders/${order.number}`);
    await expect(page.getByTestId('order-number')).toHaveText(order.number);

    await context.clearCookies();
    await page.getByRole('link', { name: 'Orders', exact: true }).first().click();
    await expect(page).toHaveURL(/\/login\?next=/);
    await loginPage.logIn(USERS.viewer, PASSWORD);
    await expect(page).toHaveURL(/\/orders$/);

    await context.clearCookies();
    await page.goto(`/orders/${order.number}`);
    await expect(page).toHaveURL(new RegExp(`/login\\?next=%2Forders%2F${order.number}`));
    await loginPage.logIn(USERS.viewer, PASSWORD);
    await expect(page).toHaveURL(new RegExp(`/orders/${order.number}$`));
    await expect(page.getByTestId('order-number')).toHaveText(order.number);
  });
});
