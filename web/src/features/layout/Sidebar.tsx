import { NavLink, Stack, Text } from '@mantine/core';
import { IconFileImport, IconReceipt } from '../../components/icons';
import { Link, useLocation } from 'react-router-dom';

const TICKETING = [
  { to: '/orders', label: 'Orders', icon: IconReceipt },
  { to: '/imports', label: 'Import orders', icon: IconFileImport },
];

export function Sidebar() {
  const { pathname } = useLocation();
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={4} id="nav-ticketing">
        Ticketing
      </Text>
      <nav aria-labelledby="nav-ticketing">
        {TICKETING.map(({ to, label, icon: Icon }) => (
          <NavLink
            key={to}
            component={Link}
            to={to}
            label={label}
            leftSection={<Icon size={18} stroke={1.6} />}
            active={pathname === to || pathname.startsWith(`${to}/`)}
            aria-current={pathname === to ? 'page' : undefined}
            styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
          />
        ))}
      </nav>
    </Stack>
  );
}
