import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Group, Menu, Select, Skeleton, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconDots, IconRestore, IconTrash, IconUserPlus, IconUsers } from '../../../components/icons';
import { useRemoveUser, useUpdateUser, useUsersQuery, type User } from '../../../api/users';
import type { Role } from '../../../api/types';
import { errorMessage } from '../../../api/errors';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { MobileList, MobileListItem } from '../../../components/MobileList';
import { ErrorState } from '../../../components/ErrorState';
import { Page } from '../../../components/Page';
import { PageHeader } from '../../../components/PageHeader';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSession } from '../../auth/SessionContext';
import { ROLE_OPTIONS } from '../../../lib/roles';
import { InviteUserModal } from './InviteUserModal';
import { PendingInvitations } from './PendingInvitations';

export function UsersPage() {
  useDocumentTitle('Users');
  const users = useUsersQuery();
  const [inviting, setInviting] = useState(false);
  const items = users.data?.items ?? [];
  return (
    <Page>
      <PageHeader
        title="Users"
        description="Colleagues who work in this organisation, and what their role lets them do."
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
            Invite user
          </Button>
        }
      />
      <Card padding={0}>
        {users.isError ? (
          <ErrorState error={users.error} onRetry={() => users.refetch()} />
        ) : !users.isPending && items.length === 0 ? (
          <EmptyState icon={<IconUsers size={22} />} title="No users" />
        ) : (
          <>
            <MobileList label="Users">
              {items.map((user) => (
                <UserItem key={user.id} user={user} />
              ))}
            </MobileList>
            <Table.ScrollContainer minWidth={720} visibleFrom="sm">
              <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Users">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>User</Table.Th>
                    <Table.Th w={170}>Role</Table.Th>
                    <Table.Th>Last seen</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th w={48} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.isPending
                    ? Array.from({ length: 4 }, (_, row) => (
                        <Table.Tr key={row}>
                          {Array.from({ length: 5 }, (_, cell) => (
                            <Table.Td key={cell}>
                              <Skeleton height={14} my={4} width="60%" />
                            </Table.Td>
                          ))}
                        </Table.Tr>
                      ))
                    : items.map((user) => <UserRow key={user.id} user={user} />)}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Card>
      <PendingInvitations />
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
    </Page>
  );
}

function useUserChange(user: User) {
  const update = useUpdateUser();
  async function change(changes: { role?: Role; disabled?: boolean }, done: string) {
    try {
      await update.mutateAsync({ id: user.id, ...changes });
      notifications.show({ color: 'green', title: done, message: user.name || user.email });
    } catch (cause) {
      notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(cause) });
    }
  }
  return { change, busy: update.isPending };
}

function UserName({ user }: { user: User }) {
  const { me } = useSession();
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="sm" fw={600} truncate>
        {user.name || user.email}
        {me.user?.id === user.id && (
          <Text span size="xs" c="dimmed" fw={400}>
            {' '}
            (you)
          </Text>
        )}
      </Text>
      {user.name && (
        <Text size="xs" c="dimmed" truncate>
          {user.email}
        </Text>
      )}
    </div>
  );
}

function RoleSelect({ user }: { user: User }) {
  const { change, busy } = useUserChange(user);
  return (
    <Select
      aria-label={`Role of ${user.email}`}
      size="xs"
      data={ROLE_OPTIONS}
      value={user.role}
      allowDeselect={false}
      disabled={busy}
      onChange={(value) => value && value !== user.role && change({ role: value as Role }, 'Role changed')}
      w={140}
    />
  );
}

function StatusBadgeFor({ user }: { user: User }) {
  return user.disabled ? (
    <Badge color="gray" variant="light">
      Disabled
    </Badge>
  ) : (
    <Badge color="green" variant="light">
      Active
    </Badge>
  );
}

function tokensLine(user: User) {
  if (user.api_tokens === 0) return null;
  return (
    <Text size="sm" mt="xs" fw={500}>
      {user.api_tokens === 1
        ? 'The API token they made here stops working for good.'
        : `The ${user.api_tokens} API tokens they made here stop working for good.`}
    </Text>
  );
}

function UserActions({ user }: { user: User }) {
  const { me } = useSession();
  const { change } = useUserChange(user);
  const update = useUpdateUser();
  const remove = useRemoveUser();
  const [removing, setRemoving] = useState(false);
  const [disabling, setDisabling] = useState(false);
  return (
    <>
      <Menu position="bottom-end" shadow="md" width={220}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.email}`}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {user.disabled ? (
            <Menu.Item leftSection={<IconRestore size={16} />} onClick={() => change({ disabled: false }, 'User enabled')}>
              Enable
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconBan size={16} />} onClick={() => setDisabling(true)}>
              Disable
            </Menu.Item>
          )}
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setRemoving(true)}>
            Remove from organisation
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog
        opened={disabling}
        title={`Disable ${user.name || user.email}?`}
        confirmLabel="Disable"
        onClose={() => setDisabling(false)}
        onConfirm={async () => {
          await update.mutateAsync({ id: user.id, disabled: true });
          notifications.show({ color: 'green', title: 'User disabled', message: user.name || user.email });
        }}
      >
        They can no longer work in {me.organisation.name} until you enable them again. Other organisations they
        belong to are not affected.
        {tokensLine(user)}
      </ConfirmDialog>
      <ConfirmDialog
        opened={removing}
        title={`Remove ${user.name || user.email}?`}
        confirmLabel="Remove"
        onClose={() => setRemoving(false)}
        onConfirm={async () => {
          await remove.mutateAsync(user.id);
          notifications.show({ color: 'green', title: 'User removed', message: user.email });
        }}
      >
        They can no longer work in {me.organisation.name}. Their account stays, with any other organisation it belongs to.
        {tokensLine(user)}
      </ConfirmDialog>
    </>
  );
}

function UserRow({ user }: { user: User }) {
  const { date } = useSession();
  return (
    <Table.Tr data-user-email={user.email} style={user.disabled ? { opacity: 0.65 } : undefined}>
      <Table.Td>
        <UserName user={user} />
      </Table.Td>
      <Table.Td>
        <RoleSelect user={user} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={user.last_seen_at ? undefined : 'dimmed'}>
          {user.last_seen_at ? date(user.last_seen_at, 'short') : 'Never'}
        </Text>
      </Table.Td>
      <Table.Td>
        <StatusBadgeFor user={user} />
      </Table.Td>
      <Table.Td>
        <UserActions user={user} />
      </Table.Td>
    </Table.Tr>
  );
}

function UserItem({ user }: { user: User }) {
  const { date } = useSession();
  return (
    <MobileListItem dimmed={user.disabled}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <UserName user={user} />
        <UserActions user={user} />
      </Group>
      <Group justify="space-between" mt="xs" wrap="nowrap">
        <RoleSelect user={user} />
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed">
            {user.last_seen_at ? `Seen ${date(user.last_seen_at, 'short')}` : 'Never seen'}
          </Text>
          {user.disabled && <StatusBadgeFor user={user} />}
        </Group>
      </Group>
    </MobileListItem>
  );
}
