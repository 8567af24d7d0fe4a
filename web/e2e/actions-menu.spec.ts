import { test, expect } from './support/fixtures';
import { findOrder } from './support/orders';
import type { OrderDetail } from './support/types';
import type { ActionLabel, OrderDetailPage } from './pages/OrderDetailPage';

const LABELS: [Exclude<keyof OrderDetail['actions'], 'settle'>, ActionLabel][] = [
  ['resend', 'Resend'],
  ['personalisation', 'Open personalisation'],
  ['change', 'Change'],
  ['refund', 'Refund'],
  ['cancel', 'Cancel'],
];

async function expectMenuMatches(orderPage: OrderDetailPage, order: OrderDetail) {
  await orderPage.goto(order.number);
  await orderPage.openActions();
  for (const [name, label] of LABELS) {
    const item = orderPage.action(label);
    const state = order.actions[name];
    if (!state) throw new Error(`${order.number} has no actions.${name}`);
    await expect(item, `${label} on ${order.number}`).toBeVisible();
    if (state.enabled) {
      await expect(item).not.toHaveAttribute('aria-disabled', 'true');
    } else {
      await expect(item).toHaveAttribute('aria-disabled', 'true');
      await expect(item).toContainText(state.message!);
      await item.hover();
      await expect(orderPage.page.getByRole('tooltip').filter({ hasText: state.message! }).last()).toBeVisible();
    }
  }
  await orderPage.page.keyboard.press('Escape');
  await expect(orderPage.menu).toBeHidden();
}

const CASES: { title: string; query: Record<string, string>; where: (o: OrderDetail) => boolean }[] = [
  { title: 'a paid card order', query: { status: 'paid', payment_method: 'card' }, where: () => true },
  { title: 'a pending order', query: { status: 'pending' }, where: () => true },
  { title: 'a cancelled order', query: { status: 'cancelled' }, where: () => true },
  { title: 'a paid cash order', query: { status: 'paid', payment_method: 'cash' }, where: () => true },
  {
    title: 'an order whose tickets need no personalisation',
    query: { status: 'paid' },
    where: (o) => !o.actions.personalisation.enabled,
  },
  { title: 'an order with a disabled refund', query: {}, where: (o) => !o.actions.refund.enabled && o.status === 'paid' },
];

test.describe('the ⋯ menu shows exactly what the API allows (finance)', () => {
  for (const { title, query, where } of CASES) {
    test(title, async ({ orderPage, api }) => {
      const order = await findOrder(api, { query, where, claim: false });
      await expectMenuMatches(orderPage, order);
    });
  }
});

test.describe('the ⋯ menu for support staff', () => {
  test.use({ role: 'support' });

  test('refund is disabled with its reason for a paid order', async ({ orderPage, api }) => {
    const order = await findOrder(api, { query: { status: 'paid', payment_method: 'card' }, where: () => true, claim: false });
    expect(order.actions.refund.enabled).toBe(false);
    await expectMenuMatches(orderPage, order);
  });
});

test('the menu works with the keyboard', async ({ page, orderPage, api }) => {
  const order = await findOrder(api, { query: { status: 'paid' }, where: (o) => o.actions.resend.enabled, claim: false });
  await orderPage.goto(order.number);
  await orderPage.actionsButton.focus();
  await page.keyboard.press('Enter');
  await expect(orderPage.menu).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(orderPage.action('Resend')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(orderPage.menu).toBeHidden();
  await expect(orderPage.actionsButton).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(orderPage.menu).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(orderPage.action('Resend')).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Resend tickets' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Resend tickets' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(orderPage.actionsButton).toBeFocused();
});
