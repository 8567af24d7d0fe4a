import { test, expect } from './support/fixtures';

test.use({ role: 'viewer', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('at phone width the list, the detail and the ⋯ menu work without sideways scrolling', async ({ page, orderPage }) => {
  await page.goto('/orders');
  const first = page.locator('a[href^="/orders/"]:visible').first();
  await expect(first).toBeVisible();
  const number = (await first.getAttribute('href'))!.split('/').pop()!;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await first.click();
  await expect(orderPage.number).toHaveText(number);
  await expect(orderPage.actionsButton).toBeInViewport();
  await orderPage.actionsButton.click();
  await expect(orderPage.menu).toBeVisible();
  for (const label of ['Resend', 'Open personalisation', 'Refund', 'Cancel'] as const) {
    await expect(orderPage.action(label)).toBeInViewport();
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.getByRole('button', { name: 'Toggle navigation' }).click();
  await expect(page.getByRole('link', { name: 'Import orders' })).toBeVisible();
});
