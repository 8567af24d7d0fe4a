import { NavLink, Stack, Text } from '@mantine/core';
import {
  IconBuilding,
  IconCalendarEvent,
  IconChartBar,
  IconFileImport,
  IconHistory,
  IconKey,
  IconReceipt,
  IconUsers,
  type Icon,
} from '../../components/icons';
import { Link, useLocation } from 'react-router-dom';
import type { Role } from '../../api/types';
import { atLeast } from '../../lib/roles';
import { useSession } from '../auth/SessionContext';

interface Entry {
  to: string;
  label: string;
  icon: Icon;
  role: Role;
}

const SECTIONS: { id: string; title: string; entries: Entry[] }[] = [
  {
    id: 'ticketing',
    title: 'Ticketing',
    entries: [
      { to: '/orders', label: 'Orders', icon: IconReceipt, role: 'viewer' },
      { to: '/imports', label: 'Import orders', icon: IconFileImport, role: 'admin' },
      { to: '/reports', label: 'Reports', icon: IconChartBar, role: 'viewer' },
    ],
  },
  {
    id: 'settings',
    title: 'Settings',
    entries: [
      { to: '/settings/events', label: 'Events', icon: IconCalendarEvent, role: 'admin' },
      { to: '/settings/organisation', label: 'Organisation', icon: IconBuilding, role: 'admin' },
      { to: '/settings/users', label: 'Users', icon: IconUsers, role: 'admin' },
      { to: '/settings/tokens', label: 'API tokens', icon: IconKey, role: 'admin' },
      { to: '/settings/audit-log', label: 'Audit log', icon: IconHistory, role: 'admin' },
    ],
  },
];

export function Sidebar() {
  const { pathname } = useLocation();
  const { me } = useSession();
  const role = me.organisation.role;
  return (
    <Stack gap="md">
      {SECTIONS.map((section) => {
        const entries = section.entries.filter((entry) => atLeast(role, entry.role));
        if (entries.length === 0) return null;
        return (
          <div key={section.id}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={4} id={`nav-${section.id}`}>
              {section.title}
            </Text>
            <nav aria-labelledby={`nav-${section.id}`}>
              {entries.map(({ to, label, icon: Icon }) => {
                const current = pathname === to || pathname.startsWith(`${to}/`);
                return (
                  <NavLink
                    key={to}
                    component={Link}
                    to={to}
                    label={label}
                    leftSection={<Icon size={18} stroke={1.6} />}
                    active={current}
                    aria-current={current ? 'page' : undefined}
                    styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
                  />
                );
              })}
            </nav>
          </div>
        );
      })}
    </Stack>
  );
}
