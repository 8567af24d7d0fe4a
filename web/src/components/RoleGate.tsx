import type { ReactNode } from 'react';
import { IconLock } from './icons';
import type { Permission } from '../api/types';
import { useSession } from '../features/auth/SessionContext';
import { EmptyState } from './EmptyState';

/** A page that the role cannot use explains why instead of showing the server's 403. */
export function RoleGate({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { me, can } = useSession();
  if (can(permission)) return <>{children}</>;
  return (
    <EmptyState icon={<IconLock size={22} />} title="Not available for your role">
      {`Your role does not include this page. You are ${me.organisation.role === 'admin' ? 'an' : 'a'} ${
        me.organisation.role
      } of ${me.organisation.name}; an admin can change that.`}
    </EmptyState>
  );
}
