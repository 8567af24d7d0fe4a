import { Avatar, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout } from '../../components/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { logOut } from '../../api/session';
import { humanize } from '../../lib/format';
import { useSession } from '../auth/SessionContext';

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

export function UserMenu() {
  const { me } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const name = me.user?.name || me.user?.email || me.token?.name || 'API token';

  async function signOut() {
    try {
      await logOut();
    } finally {
      queryClient.clear();
      navigate('/login', { replace: true });
    }
  }

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account: ${name}`} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="indigo">
              {initials(name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" truncate maw={160}>
              {name}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {name}
          </Text>
          {me.user?.email && (
            <Text size="xs" c="dimmed">
              {me.user.email}
            </Text>
          )}
          <Badge mt={6} size="xs" variant="light">
            {humanize(me.organisation.role)} · {me.organisation.name}
          </Badge>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={signOut}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
