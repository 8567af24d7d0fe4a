import { i18n } from '../i18n';
import { humanize } from './format';

/** The groups of codes the server sends that the UI names in the person's language. */
export type LabelGroup =
  | 'orderStatus'
  | 'ticketStatus'
  | 'refundStatus'
  | 'emailStatus'
  | 'paymentStatus'
  | 'ledgerStatus'
  | 'role'
  | 'provider'
  | 'emailKind'
  | 'source'
  | 'contactField';

/** A code's name from the message files; a code the UI does not know yet shows as readable text. */
export function codeLabel(group: LabelGroup, code: string): string {
  return i18n.t(`labels.${group}.${code}`, { defaultValue: humanize(code) });
}

export const roleLabel = (role: string) => codeLabel('role', role);
