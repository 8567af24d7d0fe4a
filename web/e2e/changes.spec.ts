import { test, expect } from './support/fixtures';
import { Api } from './support/api';
import { changeable, changeOptions, currentType, findOrder, valid } from './support/orders';
import { mailsTo } from './support/maildir';
import { createEvent, unique } from './support/setup';
import type { OrderDetail } from './support/types';

const euro = (minor: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(minor / 100);

/** A paid order of an upcoming event whose one valid ticket is of the given type, paid in full. */
const singleTicketOf = (typeName: string) => (o: OrderDetail) =>
  o.status === 'paid' &&
  Boolean(o.actions.change?.enabled) &&
  valid(o).length === 1 &&
  changeable(o)[0]?.ticket_type.name === typeName &&
  changeable(o)[0]!.price > 0;

test.describe('support staff', () => {
  test.use({ role: 'support' });

  test('swap a ticket to another type at the same price', async ({ page, orderPage, changeDialog, api }) => {
    const order = await findOrder(api, {
      query: { status: 'paid' },
      where: (o) => Boolean(o.actions.change?.enabled) && changeable(o).some((t) => t.price > 0),
    });
    const ticket = changeable(order).find((t) => t.price > 0)!;
    const admin = await Api.as('admin');
    const sameName = `Same price ${unique()}`;
    const soldOutName = `Sold out ${unique()}`;
    await admin.send('POST', `/api/v1/events/${order.event.id}/ticket-types`, {
      name: sameName, price: ticket.price, fee: ticket.fee, capacity: 5,
    });
    await admin.send('POST', `/api/v1/events/${order.event.id}/ticket-types`, {
      name: soldOutName, price: ticket.price, fee: ticket.fee, capacity: 0,
    });
    await admin.dispose();

    await orderPage.goto(order.number);
    await orderPage.changeTicket(ticket.id, 'Change type or event');
    await expect(changeDialog.root).toBeVisible();
    await expect(changeDialog.planControl(ticket.id, 'Change type')).toBeChecked();
    await changeDialog.ticket(ticket.id).getByRole('textbox', { name: 'New ticket type' }).click();
    await expect(changeDialog.typeOption(soldOutName)).toContainText('sold out');
    await expect(changeDialog.typeOption(soldOutName)).toHaveAttribute('data-combobox-disabled', 'true');
    await changeDialog.typeOption(sameName).click();
    await changeDialog.review().click();

    await expect(changeDialog.reviewLine(ticket.id)).toContainText(ticket.ticket_type.name);
    await expect(changeDialog.reviewLine(ticket.id)).toContainText(sameName);
    await expect(changeDialog.difference()).toHaveText(euro(0));
    await expect(changeDialog.settlement()).toHaveText('The total stays the same: nothing to pay and nothing to refund.');
    await changeDialog.confirm().click();
    await expect(changeDialog.root).toBeHidden();
    await expect(page.locator('.mantine-Notification-root').filter({ hasText: `Order ${order.number} changed` })).toBeVisible();

    await expect(orderPage.contents).toContainText(sameName);
    await expect(orderPage.historyEntry('Order changed').first()).toContainText(
      `Changed the order: ${ticket.ticket_type.name} → ${sameName}`,
    );
    await expect(orderPage.openAmount).toBeHidden();
  });

  test('hand a ticket to someone else: new attendee, new barcode, one e-mail', async ({ page, orderPage, changeDialog, api }) => {
    const order = await findOrder(api, {
      query: { status: 'paid' },
      where: (o) =>
        Boolean(o.actions.change?.enabled && o.contact.email) && changeable(o).some((t) => t.requires_personalisation),
    });
    const ticket = changeable(order).find((t) => t.requires_personalisation)!;
    const personalisation = await api.get<{ tickets: { ticket_id: number; fields: { key: string; label: string; kind: string; options?: string[] | null }[] }[] }>(
      `/api/v1/orders/${order.number}/personalisation`,
    );
    const fields = personalisation.tickets.find((t) => t.ticket_id === ticket.id)!.fields;
    const since = Date.now();
    const newName = `Robin ${unique()}`;

    await orderPage.goto(order.number);
    await orderPage.changeTicket(ticket.id, 'Hand over to someone else');
    await expect(changeDialog.planControl(ticket.id, 'Hand over')).toBeChecked();
    for (const field of fields) {
      if (field.kind === 'select') {
        await changeDialog.attendee(ticket.id, field.label).click();
        await page.getByRole('option', { name: field.options![0]!, exact: true }).click();
      } else if (field.kind === 'date') {
        await changeDialog.attendee(ticket.id, field.label).fill('1990-04-01');
      } else {
        await changeDialog.attendee(ticket.id, field.label).fill(field.key === 'first_name' ? newName : 'Attendee');
      }
    }
    await changeDialog.review().click();
    await expect(changeDialog.reviewLine(ticket.id)).toContainText(`${newName} Attendee`);
    await expect(changeDialog.reviewLine(ticket.id).getByTestId('new-barcode')).toBeVisible();
    await expect(changeDialog.difference()).toHaveText(euro(0));
    await expect(changeDialog.notify()).toBeChecked();
    await changeDialog.confirm().click();
    await expect(changeDialog.root).toBeHidden();

    await expect(orderPage.contents).toContainText(`${newName} Attendee`);
    const after = await api.get<OrderDetail>(`/api/v1/orders/${order.number}`);
    const handedOver = valid(after).find((t) => t.attendee?.first_name === newName)!;
    expect(handedOver.barcode).not.toBe(ticket.barcode);
    await expect(orderPage.contents).not.toContainText(ticket.barcode.slice(-4));

    await expect
      .poll(() => mailsTo(order.contact.email!, since).length, { timeout: 30_000, message: 'the new tickets e-mail' })
      .toBeGreaterThan(0);
    const mails = mailsTo(order.contact.email!, since);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.raw).toContain('application/pdf');
    const outbox = await api.get<{ items: { created_at: string }[] }>(`/api/v1/orders/${order.number}/emails`);
    expect(outbox.items.filter((mail) => Date.parse(mail.created_at) >= since - 1000)).toHaveLength(1);
  });

  test("a checked-in ticket's Change is disabled with the server's reason", async ({ page, orderPage, changeDialog, api }) => {
    const order = await findOrder(api, {
      query: { status: 'paid' },
      where: (o) => Boolean(o.actions.change?.enabled) && changeable(o).length >= 2,
    });
    const ticket = changeable(order)[0]!;
    const scan = await api.send<{ result: string }>('POST', '/api/v1/checkin', { barcode: ticket.barcode });
    expect(scan.result).toBe('valid');
    const after = await api.get<OrderDetail>(`/api/v1/orders/${order.number}`);
    const state = after.tickets.find((t) => t.id === ticket.id)!.change!;
    expect(state).toMatchObject({ enabled: false, reason: 'ticket_checked_in' });

    await orderPage.goto(order.number);
    const button = orderPage.ticketChange(ticket.id);
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAccessibleDescription(state.message!);
    await button.hover();
    await expect(page.getByRole('tooltip').filter({ hasText: state.message! })).toBeVisible();
    await expect(button).toBeDisabled();

    await orderPage.choose('Change');
    await expect(changeDialog.reason(ticket.id)).toHaveText(state.message!);
    await expect(changeDialog.planControl(ticket.id, 'Change type')).toBeDisabled();
  });

  test('move a ticket to another event at the same price', async ({ orderPage, changeDialog, api }) => {
    const order = await findOrder(api, { query: { status: 'paid' }, where: singleTicketOf('Stalls') });
    const ticket = changeable(order)[0]!;
    const admin = await Api.as('admin');
    const event = await createEvent(admin, `Extra night ${unique()}`, [
      { name: 'Stalls', price: ticket.price, fee: ticket.fee, capacity: 10 },
    ]);
    await admin.dispose();

    await orderPage.goto(order.number);
    await orderPage.changeTicket(ticket.id, 'Change type or event');
    await changeDialog.swap(ticket.id, 'Stalls', event.name);
    await changeDialog.review().click();
    await expect(changeDialog.root.getByTestId('change-event')).toContainText(`${order.event.name}`);
    await expect(changeDialog.root.getByTestId('change-event')).toContainText(event.name);
    await expect(changeDialog.reviewLine(ticket.id)).toContainText('Moved');
    await expect(changeDialog.difference()).toHaveText(euro(0));
    await changeDialog.confirm().click();
    await expect(changeDialog.root).toBeHidden();

    await expect(orderPage.page.locator('section[aria-labelledby="order-info-title"]')).toContainText(event.name);
    await expect(orderPage.historyEntry('Order changed').first()).toContainText(`Stalls → Stalls (${event.name})`);
  });

  test('a change that moves money is for finance: the server says so at the review', async ({ orderPage, changeDialog, api }) => {
    const order = await findOrder(api, { query: { status: 'paid' }, where: singleTicketOf('Balcony') });
    const ticket = changeable(order)[0]!;
    await orderPage.goto(order.number);
    await orderPage.choose('Change');
    await changeDialog.plan(ticket.id, 'Change type');
    await changeDialog.swap(ticket.id, 'Stalls');
    await changeDialog.review().click();
    await expect(changeDialog.error).toHaveAttribute('data-code', 'needs_finance');
    await expect(changeDialog.error).toContainText('finance');
    await expect(changeDialog.review()).toBeVisible();
    await expect(changeDialog.confirm()).toHaveCount(0);
  });
});

test('a price raise leaves an open amount that finance records as paid', async ({ page, orderPage, changeDialog, recordPaymentDialog, api }) => {
  const order = await findOrder(api, { query: { status: 'paid' }, where: singleTicketOf('Balcony') });
  const ticket = changeable(order)[0]!;
  const stalls = currentType(await changeOptions(api, order.number), 'Stalls');
  const difference = stalls.price + stalls.fee - (ticket.price + ticket.fee);
  expect(difference).toBeGreaterThan(0);

  await orderPage.goto(order.number);
  await orderPage.choose('Change');
  await changeDialog.plan(ticket.id, 'Change type');
  await changeDialog.swap(ticket.id, 'Stalls');
  await changeDialog.review().click();
  await expect(changeDialog.difference()).toHaveText(`+${euro(difference)}`);
  await expect(changeDialog.settlement()).toHaveText(
    `Customer pays ${euro(difference)} more: the order shows an open amount until finance records the payment or waives it.`,
  );
  await changeDialog.confirm().click();
  await expect(changeDialog.root).toBeHidden();

  await expect(orderPage.openAmount).toContainText(`Open amount ${euro(difference)}`);
  await expect(orderPage.headerOpenAmount).toHaveText(`Open amount ${euro(difference)}`);
  await expect(orderPage.historyEntry('Order changed').first()).toContainText(`+${euro(difference)} due`);

  await orderPage.openAmount.getByRole('button', { name: 'Record payment' }).click();
  await expect(recordPaymentDialog.amount()).toHaveValue(`€ ${(difference / 100).toFixed(2)}`);
  await recordPaymentDialog.chooseMethod('Bank transfer');
  await recordPaymentDialog.reference().fill('NL-TRANSFER-1');
  await recordPaymentDialog.confirm().click();
  await expect(recordPaymentDialog.root).toBeHidden();

  await expect(orderPage.openAmount).toBeHidden();
  await expect(orderPage.headerOpenAmount).toBeHidden();
  await expect(orderPage.payments).toContainText('Payment · Bank transfer');
  await expect(orderPage.historyEntry('Payment recorded').first()).toContainText(euro(difference));
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: 'Payment recorded' })).toBeVisible();
});

test('cancelling one ticket of a paid order refunds what it cost', async ({ orderPage, changeDialog, api }) => {
  const order = await findOrder(api, {
    query: { status: 'paid', payment_method: 'card' },
    where: (o) => Boolean(o.actions.change?.enabled) && changeable(o).length >= 2 && changeable(o).every((t) => t.price > 0),
  });
  const ticket = changeable(order)[1]!;

  await orderPage.goto(order.number);
  await orderPage.changeTicket(ticket.id, 'Cancel this ticket');
  await expect(changeDialog.planControl(ticket.id, 'Cancel')).toBeChecked();
  await changeDialog.review().click();
  const preview = changeDialog.reviewLine(ticket.id);
  await expect(preview.locator('[data-status]')).toHaveAttribute('data-status', 'cancelled');
  const amount = ticket.price + ticket.fee;
  await expect(changeDialog.difference()).toHaveText(`−${euro(amount)}`);
  await expect(changeDialog.settlement()).toHaveText(`${euro(amount)} goes back through a refund.`);
  await changeDialog.confirm().click();
  await expect(changeDialog.root).toBeHidden();

  await expect(orderPage.ticketRow(ticket.id).locator('[data-status]')).toHaveAttribute('data-status', 'cancelled');
  await expect(orderPage.payments.locator('[data-refund-id]').first()).toContainText(euro(amount));
  await expect(orderPage.historyEntry('Order changed').first()).toContainText(`cancelled ${ticket.ticket_type.name}`);
});

test('finance waives an open amount with a reason', async ({ orderPage, waiveDialog, api }) => {
  const order = await findOrder(api, { query: { status: 'paid' }, where: singleTicketOf('Saturday') });
  const ticket = changeable(order)[0]!;
  const weekend = currentType(await changeOptions(api, order.number), 'Weekend');
  await api.send('POST', `/api/v1/orders/${order.number}/changes`, {
    expected_version: order.version,
    operations: [{ type: 'swap', ticket_id: ticket.id, ticket_type_id: weekend.id }],
    notify_customer: false,
  });
  const due = (await api.get<OrderDetail>(`/api/v1/orders/${order.number}`)).totals.due!;
  expect(due).toBeGreaterThan(0);

  await orderPage.goto(order.number);
  await expect(orderPage.openAmount).toContainText(`Open amount ${euro(due)}`);
  await orderPage.openAmount.getByRole('button', { name: 'Waive' }).click();
  await expect(waiveDialog.confirm()).toBeDisabled();
  await waiveDialog.reason().fill('Goodwill: the customer was promised the upgrade');
  await waiveDialog.confirm().click();
  await expect(waiveDialog.root).toBeHidden();
  await expect(orderPage.openAmount).toBeHidden();
  await expect(orderPage.historyEntry('Open amount waived').first()).toContainText(
    `${euro(due)} waived: “Goodwill: the customer was promised the upgrade”`,
  );
});

test('a stale order shows the conflict, and a new review confirms on the new version', async ({ page, orderPage, changeDialog, api }) => {
  const order = await findOrder(api, { query: { status: 'paid' }, where: singleTicketOf('Balcony') });
  const ticket = changeable(order)[0]!;
  const sent: { body: { expected_version?: number; preview?: boolean }; key?: string }[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/orders/${order.number}/changes`)) {
      sent.push({ body: request.postDataJSON(), key: request.headers()['idempotency-key'] });
    }
  });

  await orderPage.goto(order.number);
  await orderPage.choose('Change');
  await changeDialog.plan(ticket.id, 'Change type');
  await changeDialog.swap(ticket.id, 'Stalls');
  await changeDialog.review().click();
  await expect(changeDialog.difference()).toBeVisible();

  await api.send('PATCH', `/api/v1/orders/${order.number}/contact`, {
    expected_version: order.version,
    first_name: `${order.contact.first_name ?? 'Changed'}x`,
  });

  await changeDialog.confirm().click();
  await expect(changeDialog.error).toHaveText('This order changed, review it again');
  await expect(changeDialog.review()).toBeVisible();
  await expect(page.getByTestId('contact-name')).toContainText(`${order.contact.first_name ?? 'Changed'}x`);
  expect((await api.get<OrderDetail>(`/api/v1/orders/${order.number}`)).tickets.find((t) => t.id === ticket.id)!.ticket_type.name)
    .toBe('Balcony');

  await changeDialog.review().click();
  await changeDialog.confirm().click();
  await expect(changeDialog.root).toBeHidden();
  await expect(orderPage.contents).toContainText('Stalls');
  const confirmations = sent.filter(({ body }) => body.preview === false);
  expect(confirmations.map(({ body }) => body.expected_version)).toEqual([order.version, order.version + 1]);
  // The refused confirmation changed nothing: the next one is a new request with a key of its own.
  expect(confirmations[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
  expect(confirmations[1]!.key).toMatch(/^[0-9a-f-]{36}$/);
  expect(confirmations[1]!.key).not.toBe(confirmations[0]!.key);
  expect(sent.filter(({ body }) => body.preview === true).every(({ key }) => key === undefined)).toBe(true);
});
