import type { Role } from '../api/types';

const RANK: Record<Role, number> = { viewer: 0, support: 1, finance: 2, admin: 3 };

/** For showing or hiding navigation only: the server decides what a role may do. */
export function atLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

export const ROLES: { value: Role; label: string; description: string }[] = [
  { value: 'viewer', label: 'Viewer', description: 'Reads orders, history and reports' },
  { value: 'support', label: 'Support', description: 'Viewer, plus edits contacts, resends, personalises, cancels unpaid orders' },
  { value: 'finance', label: 'Finance', description: 'Support, plus refunds, cancels paid orders, reconciliation and exports' },
  { value: 'admin', label: 'Admin', description: 'Finance, plus imports, users and organisation settings' },
];

export const ROLE_OPTIONS = ROLES.map(({ value, label }) => ({ value, label }));
