import type { ChangeResult } from '../../api/types';
import { i18n } from '../../i18n';

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
  if (kind === 'due') return i18n.t('changes.settlement.due', { amount: money(amount) });
  if (kind === 'refund') return i18n.t('changes.settlement.refund', { amount: money(amount) });
  if (result.difference === 0) return i18n.t('changes.settlement.same');
  return i18n.t('changes.settlement.unpaid');
}

/** The notification after a confirmed change. */
export function doneText(result: Pick<ChangeResult, 'settlement' | 'difference'>, notified: boolean, money: Money): string {
  const { kind, amount } = result.settlement;
  if (kind === 'due') return i18n.t('changes.doneText.due', { amount: money(amount) });
  if (kind === 'refund') return i18n.t('changes.doneText.refund', { amount: money(amount) });
  return notified ? i18n.t('changes.doneText.notified') : i18n.t('changes.doneText.notNotified');
}
