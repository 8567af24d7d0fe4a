import { i18n } from '../i18n';
import type { Role } from '../api/types';
import { roleLabel } from './labels';

export const ROLE_VALUES: Role[] = ['viewer', 'support', 'finance', 'admin'];

/** What a role may do, in the person's language. */
export function roleDescription(role: string): string | undefined {
  return i18n.exists(`labels.roleDescription.${role}`) ? i18n.t(`labels.roleDescription.${role}`) : undefined;
}

/** The roles for a select, named in the person's language (call while rendering). */
export function roleOptions(): { value: Role; label: string }[] {
  return ROLE_VALUES.map((value) => ({ value, label: roleLabel(value) }));
}
