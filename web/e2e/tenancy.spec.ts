import { test, expect } from './support/fixtures';
import { Api } from './support/api';
import { findOrder } from './support/orders';

test.use({ role: 'otherAdmin' });

test("another organisation's order is not found and its list shows none of them", async ({ page, orderPage }) => {
  const demo = await Api.as('viewer');
  const order = await findOrder(demo, { where: () => true, claim: false });
  await demo.dispose();

  await page.goto(`/orders/${order.number}`);
  await expect(page.getByText(`Order ${order.number} not found`)).toBeVisible();
  await expect(orderPage.actionsButton).toHaveCount(0);

  await page.goto(`/orders?q=${order.number}`);
  await expect(page.getByText('No orders match')).toBeVisible();
});
