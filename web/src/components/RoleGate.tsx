import type { ReactNode } from 'react';
import { IconLock } from './icons';
import type { Permission } from '../api/types';
import { useSession } from '../features/auth/SessionContext';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../lib/labels';
import { EmptyState } from './EmptyState';

/** A page that the role cannot use explains why instead of showing the server's 403. */
export function RoleGate({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  if (can(permission)) return <>{children}</>;
  return (
    <EmptyState icon={<IconLock size={22} />} title={t('common.roleGate.title')}>
      {t('common.roleGate.text', { role: roleLabel(me.organisation.role), organisation: me.organisation.name })}
    </EmptyState>
  );
}
