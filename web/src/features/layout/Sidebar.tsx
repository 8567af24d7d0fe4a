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
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/SessionContext';

interface Entry {
  to: string;
  labelKey: string;
  icon: Icon;
  permission: Permission;
}

const SECTIONS: { id: string; titleKey: string; entries: Entry[] }[] = [
  {
    id: 'ticketing',
    titleKey: 'layout.nav.ticketing',
    entries: [
      { to: '/orders', labelKey: 'layout.nav.orders', icon: IconReceipt, permission: 'orders.read' },
      { to: '/imports', labelKey: 'layout.nav.imports', icon: IconFileImport, permission: 'imports' },
      { to: '/reports', labelKey: 'layout.nav.reports', icon: IconChartBar, permission: 'reports.read' },
    ],
  },
  {
    id: 'settings',
    titleKey: 'layout.nav.settings',
    entries: [
      { to: '/settings/events', labelKey: 'layout.nav.events', icon: IconCalendarEvent, permission: 'settings.events' },
      { to: '/settings/organisation', labelKey: 'layout.nav.organisation', icon: IconBuilding, permission: 'settings.organisation' },
      { to: '/settings/users', labelKey: 'layout.nav.users', icon: IconUsers, permission: 'settings.users' },
      { to: '/settings/tokens', labelKey: 'layout.nav.tokens', icon: IconKey, permission: 'settings.tokens' },
      { to: '/settings/audit-log', labelKey: 'layout.nav.auditLog', icon: IconHistory, permission: 'settings.audit_log' },
    ],
  },
];

export function Sidebar() {
  const { t } = useTranslation();
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
              {t(section.titleKey)}
            </Text>
            <nav aria-labelledby={`nav-${section.id}`}>
              {entries.map(({ to, labelKey, icon: Icon }) => {
                const current = pathname === to || pathname.startsWith(`${to}/`);
                return (
                  <NavLink
                    key={to}
                    component={Link}
                    to={to}
                    label={t(labelKey)}
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
