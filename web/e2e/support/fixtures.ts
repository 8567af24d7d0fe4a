import { test as base, expect } from '@playwright/test';
import { Api } from './api';
import { authFile, type RoleName } from './env';
import { LoginPage } from '../pages/LoginPage';
import { OrdersPage } from '../pages/OrdersPage';
import { OrderDetailPage } from '../pages/OrderDetailPage';
import { PersonalisationPage } from '../pages/PersonalisationPage';
import { CancelDialog, RecordPaymentDialog, RefundDialog, ResendDialog, WaiveDialog } from '../pages/dialogs';
import { ChangeDialog } from '../pages/ChangeDialog';
import {
  EventSettingsPage,
  EventsSettingsPage,
  TicketTypeDialog,
  TokensSettingsPage,
  UsersSettingsPage,
} from '../pages/SettingsPages';
import { ImportPage } from '../pages/ImportPage';
import { ReportsPage } from '../pages/ReportsPage';

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
  changeDialog: ChangeDialog;
  recordPaymentDialog: RecordPaymentDialog;
  waiveDialog: WaiveDialog;
  eventsSettings: EventsSettingsPage;
  eventSettings: EventSettingsPage;
  ticketTypeDialog: TicketTypeDialog;
  tokensSettings: TokensSettingsPage;
  usersSettings: UsersSettingsPage;
  importPage: ImportPage;
  reportsPage: ReportsPage;
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
  changeDialog: async ({ page }, use) => use(new ChangeDialog(page)),
  recordPaymentDialog: async ({ page }, use) => use(new RecordPaymentDialog(page)),
  waiveDialog: async ({ page }, use) => use(new WaiveDialog(page)),
  eventsSettings: async ({ page }, use) => use(new EventsSettingsPage(page)),
  eventSettings: async ({ page }, use) => use(new EventSettingsPage(page)),
  ticketTypeDialog: async ({ page }, use) => use(new TicketTypeDialog(page)),
  tokensSettings: async ({ page }, use) => use(new TokensSettingsPage(page)),
  usersSettings: async ({ page }, use) => use(new UsersSettingsPage(page)),
  importPage: async ({ page }, use) => use(new ImportPage(page)),
  reportsPage: async ({ page }, use) => use(new ReportsPage(page)),
});

export { expect };
