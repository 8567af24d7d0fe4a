import { test, expect } from './support/fixtures';
import { unique } from './support/setup';
import { invitationLink, mailsTo } from './support/maildir';
import { AcceptInvitationPage } from './pages/AcceptInvitationPage';

test.use({ role: 'admin' });

async function linkFromEmail(email: string, since: number): Promise<string> {
  await expect
    .poll(() => mailsTo(email, since).length, { timeout: 30_000, message: `invitation e-mail to ${email}` })
    .toBeGreaterThan(0);
  const [mail] = mailsTo(email, since);
  const link = mail ? invitationLink(mail) : null;
  expect(link).not.toBeNull();
  return link!;
}

test('an invited colleague sets a password from the e-mail link and lands logged in', async ({ browser, api, usersSettings }) => {
  test.slow();
  const email = `invited.${unique()}@demo.test`;
  const since = Date.now();
  await usersSettings.goto();
  await usersSettings.invite({ email, name: 'Noor Colleague', role: 'Finance' });
  await expect(usersSettings.dialog.getByText(`invitation to ${email}`)).toBeVisible();
  await usersSettings.dialog.getByRole('button', { name: 'Done' }).click();
  await expect(usersSettings.invitation(email)).toContainText('Finance');

  const link = await linkFromEmail(email, since);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const accept = new AcceptInvitationPage(page);
  await page.goto(link);
  await expect(accept.heading('Demo Events')).toBeVisible();
  await expect(page.getByText(`invited ${email}`)).toBeVisible();
  await expect(accept.name).toHaveValue('Noor Colleague');
  await accept.setPasswordAndJoin('short');
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await accept.setPasswordAndJoin('a passphrase of my own 7');
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();
  const me = await page.request.get('/api/v1/me');
  expect((await me.json()).organisation.role).toBe('finance');
  await context.close();

  await usersSettings.goto();
  await expect(usersSettings.row(email).getByRole('textbox', { name: `Role of ${email}` })).toHaveValue('Finance');
  await expect(usersSettings.invitation(email)).toHaveCount(0);
  const users = await api.get<{ items: { email: string; role: string }[] }>('/api/v1/users');
  expect(users.items.find((user) => user.email === email)?.role).toBe('finance');
});

test('a revoked invitation link no longer works', async ({ browser, usersSettings }) => {
  const email = `revoked.${unique()}@demo.test`;
  const since = Date.now();
  await usersSettings.goto();
  await usersSettings.invite({ email, name: 'Rik Revoked', role: 'Viewer' });
  await usersSettings.dialog.getByRole('button', { name: 'Done' }).click();
  const link = await linkFromEmail(email, since);

  await usersSettings.revokeInvitation(email);
  await expect(usersSettings.invitation(email)).toHaveCount(0);

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('alert')).toContainText('This invitation was withdrawn');
  await context.close();
});
