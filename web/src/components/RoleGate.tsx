import type { ReactNode } from 'react';
import { IconLock } from './icons';
import type { Role } from '../api/types';
import { atLeast } from '../lib/roles';
import { humanize } from '../lib/format';
import { useSession } from '../features/auth/SessionContext';
import { EmptyState } from './EmptyState';

/** A page that the role cannot use explains why instead of showing the server's 403. */
export function RoleGate({ role, children }: { role: Role; children: ReactNode }) {
  const { me } = useSession();
  if (atLeast(me.organisation.role, role)) return <>{children}</>;
  return (
    <EmptyState icon={<IconLock size={22} />} title="Not available for your role">
      {`This page is for ${role === 'admin' ? 'admins' : `the ${humanize(role).toLowerCase()} role and up`}. You are ${
        me.organisation.role === 'admin' ? 'an' : 'a'
      } ${me.organisation.role} of ${me.organisation.name}.`}
    </EmptyState>
  );
}
