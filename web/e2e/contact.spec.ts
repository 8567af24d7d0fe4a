import { test, expect } from './support/fixtures';
import { findOrder } from './support/orders';

test.use({ role: 'support' });

test('edit contact data through More info → Edit, with a validation error first', async ({ page, orderPage, api }) => {
  const order = await findOrder(api, { where: (o) => Boolean(o.contact.email) });
  const newEmail = `changed.${order.number.toLowerCase()}@example.com`;

  await orderPage.goto(order.number);
  await orderPage.moreInfo.click();
  await expect(orderPage.allContactData).toContainText(order.contact.email!);
  const form = await orderPage.editContact();

  await form.getByRole('textbox', { name: 'E-mail' }).fill('not-an-e-mail');
  await form.getByRole('button', { name: 'Save contact' }).click();
  await expect(form.getByRole('textbox', { name: 'E-mail' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('.mantine-InputWrapper-error')).not.toHaveCount(0);

  await form.getByRole('textbox', { name: 'E-mail' }).fill(newEmail);
  await form.getByRole('textbox', { name: 'City' }).fill('Utrecht');
  await form.getByRole('button', { name: 'Save contact' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('contact-email')).toHaveText(newEmail);
  await expect(orderPage.allContactData).toContainText('Utrecht');

  const entry = orderPage.historyEntry('Contact data changed').first();
  await expect(entry).toContainText(order.contact.email!);
  await expect(entry).toContainText(newEmail);
});

test('"Edit contact" in the resend dialog opens the contact form', async ({ page, orderPage, resendDialog, api }) => {
  const order = await findOrder(api, { where: (o) => o.actions.resend.enabled, claim: false });
  await orderPage.goto(order.number);
  await orderPage.choose('Resend');
  await resendDialog.root.getByRole('button', { name: 'Edit contact' }).click();
  await expect(resendDialog.root).toBeHidden();
  const form = page.getByRole('form', { name: 'Edit contact' });
  await expect(form.getByRole('textbox', { name: 'E-mail' })).toBeFocused();
  await expect(form.getByRole('textbox', { name: 'E-mail' })).toHaveValue(order.contact.email!);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
});
