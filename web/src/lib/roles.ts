import type { Role } from '../api/types';

export const ROLES: { value: Role; label: string; description: string }[] = [
  { value: 'viewer', label: 'Viewer', description: 'Reads orders, history and reports' },
  { value: 'support', label: 'Support', description: 'Viewer, plus edits contacts, resends, personalises, cancels unpaid orders' },
  { value: 'finance', label: 'Finance', description: 'Support, plus refunds, cancels paid orders, reconciliation and exports' },
  { value: 'admin', label: 'Admin', description: 'Finance, plus imports, users and organisation settings' },
];

export const ROLE_OPTIONS = ROLES.map(({ value, label }) => ({ value, label }));
