import type { ChangeResult } from '../../api/types';

type Money = (minor: number) => string;

/** +€30.00, −€30.00 or €0.00. */
export function signedMoney(minor: number, money: Money): string {
  if (minor > 0) return `+${money(minor)}`;
  if (minor < 0) return `−${money(-minor)}`;
  return money(0);
}

/** What happens to the money when the change is confirmed, as the preview says. */
export function settlementText(result: Pick<ChangeResult, 'settlement' | 'difference'>, money: Money): string {
  const { kind, amount } = result.settlement;
  if (kind === 'due') {
    return `Customer pays ${money(amount)} more: the order shows an open amount until finance records the payment or waives it.`;
  }
  if (kind === 'refund') return `${money(amount)} goes back through a refund.`;
  if (result.difference === 0) return 'The total stays the same: nothing to pay and nothing to refund.';
  return 'No payment and no refund: the order total changes, nothing was paid for it yet.';
}

/** The notification after a confirmed change. */
export function doneText(result: Pick<ChangeResult, 'settlement' | 'difference'>, notified: boolean, money: Money): string {
  const { kind, amount } = result.settlement;
  if (kind === 'due') return `${money(amount)} is open until the payment is recorded or waived.`;
  if (kind === 'refund') return `${money(amount)} is being refunded.`;
  return notified ? 'The customer gets the new tickets by e-mail.' : 'The customer was not e-mailed.';
}
