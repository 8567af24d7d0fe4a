import { test as base, expect } from '@playwright/test';
import { Api } from './api';
import { authFile, type RoleName } from './env';
import { LoginPage } from '../pages/LoginPage';
import { OrdersPage } from '../pages/OrdersPage';
import { OrderDetailPage } from '../pages/OrderDetailPage';
import { PersonalisationPage } from '../pages/PersonalisationPage';
import { CancelDialog, RefundDialog, ResendDialog } from '../pages/dialogs';

interface Fixtures {
  role: RoleName;
  api: Api;
  loginPage: LoginPage;
  ordersPage: OrdersPage;
  orderPage: OrderDetailPage;
  personalisationPage: PersonalisationPage;
  resendDialog: ResendDialog;
  refundDialog: RefundDialog;
  cancelDialog: CancelDialog;
}

export const test = base.extend<Fixtures>({
  role: ['finance', { option: true }],
  storageState: async ({ role }, use) => use(authFile(role)),
  api: async ({ role }, use) => {
    const api = await Api.as(role);
    await use(api);
    await api.dispose();
  },
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  ordersPage: async ({ page }, use) => use(new OrdersPage(page)),
  orderPage: async ({ page }, use) => use(new OrderDetailPage(page)),
  personalisationPage: async ({ page }, use) => use(new PersonalisationPage(page)),
  resendDialog: async ({ page }, use) => use(new ResendDialog(page)),
  refundDialog: async ({ page }, use) => use(new RefundDialog(page)),
  cancelDialog: async ({ page }, use) => use(new CancelDialog(page)),
});

export { expect };
