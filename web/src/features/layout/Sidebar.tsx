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
import type { Permission } from '../../api/types';
import { useSession } from '../auth/SessionContext';

interface Entry {
  to: string;
  label: string;
  icon: Icon;
  permission: Permission;
}

const SECTIONS: { id: string; title: string; entries: Entry[] }[] = [
  {
    id: 'ticketing',
    title: 'Ticketing',
    entries: [
      { to: '/orders', label: 'Orders', icon: IconReceipt, permission: 'orders.read' },
      { to: '/imports', label: 'Import orders', icon: IconFileImport, permission: 'imports' },
      { to: '/reports', label: 'Reports', icon: IconChartBar, permission: 'reports.read' },
    ],
  },
  {
    id: 'settings',
    title: 'Settings',
    entries: [
      { to: '/settings/events', label: 'Events', icon: IconCalendarEvent, permission: 'settings.events' },
      { to: '/settings/organisation', label: 'Organisation', icon: IconBuilding, permission: 'settings.organisation' },
      { to: '/settings/users', label: 'Users', icon: IconUsers, permission: 'settings.users' },
      { to: '/settings/tokens', label: 'API tokens', icon: IconKey, permission: 'settings.tokens' },
      { to: '/settings/audit-log', label: 'Audit log', icon: IconHistory, permission: 'settings.audit_log' },
    ],
  },
];

export function Sidebar() {
  const { pathname } = useLocation();
  const { can } = useSession();
  return (
    <Stack gap="md">
      {SECTIONS.map((section) => {
        const entries = section.entries.filter((entry) => can(entry.permission));
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
