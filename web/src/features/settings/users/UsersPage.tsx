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
import { roleOptions } from '../../../lib/roles';
import { i18n } from '../../../i18n';
import { useTranslation } from 'react-i18next';

import { InviteUserModal } from './InviteUserModal';
import { PendingInvitations } from './PendingInvitations';

export function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  const users = useUsersQuery();
  const [inviting, setInviting] = useState(false);
  const items = users.data?.items ?? [];
  return (
    <Page>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
            {t('users.inviteUser')}
          </Button>
        }
      />
      <Card padding={0}>
        {users.isError ? (
          <ErrorState error={users.error} onRetry={() => users.refetch()} />
        ) : !users.isPending && items.length === 0 ? (
          <EmptyState icon={<IconUsers size={22} />} title={t('users.none')} />
        ) : (
          <>
            <MobileList label={t('users.title')}>
              {items.map((user) => (
                <UserItem key={user.id} user={user} />
              ))}
            </MobileList>
            <Table.ScrollContainer minWidth={720} visibleFrom="sm">
              <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('users.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('users.user')}</Table.Th>
                    <Table.Th w={170}>{t('users.role')}</Table.Th>
                    <Table.Th>{t('users.lastSeen')}</Table.Th>
                    <Table.Th>{t('users.status')}</Table.Th>
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
      notifications.show({ color: 'red', title: i18n.t('users.notChanged'), message: errorMessage(cause) });
    }
  }
  return { change, busy: update.isPending };
}

function UserName({ user }: { user: User }) {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="sm" fw={600} truncate>
        {user.name || user.email}
        {me.user?.id === user.id && (
          <Text span size="xs" c="dimmed" fw={400}>
            {' '}
            {t('users.you')}
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
  const { t } = useTranslation();
  const { change, busy } = useUserChange(user);
  return (
    <Select
      aria-label={t('users.roleOf', { email: user.email })}
      size="xs"
      data={roleOptions()}
      value={user.role}
      allowDeselect={false}
      disabled={busy}
      onChange={(value) => value && value !== user.role && change({ role: value as Role }, t('users.roleChanged'))}
      w={140}
    />
  );
}

function StatusBadgeFor({ user }: { user: User }) {
  const { t } = useTranslation();
  return user.disabled ? (
    <Badge color="gray" variant="light">
      {t('users.disabled')}
    </Badge>
  ) : (
    <Badge color="green" variant="light">
      {t('users.active')}
    </Badge>
  );
}

function tokensLine(user: User) {
  if (user.api_tokens === 0) return null;
  return (
    <Text size="sm" mt="xs" fw={500}>
      {i18n.t('users.tokensStop', { count: user.api_tokens })}
    </Text>
  );
}

function UserActions({ user }: { user: User }) {
  const { t } = useTranslation();
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
          <ActionIcon variant="subtle" color="gray" aria-label={t('events.actionsFor', { name: user.email })}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {user.disabled ? (
            <Menu.Item leftSection={<IconRestore size={16} />} onClick={() => change({ disabled: false }, t('users.enabled'))}>
              {t('users.enable')}
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconBan size={16} />} onClick={() => setDisabling(true)}>
              {t('users.disable')}
            </Menu.Item>
          )}
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setRemoving(true)}>
            {t('users.removeFromOrganisation')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog
        opened={disabling}
        title={t('users.disableTitle', { name: user.name || user.email })}
        confirmLabel={t('users.disable')}
        onClose={() => setDisabling(false)}
        onConfirm={async () => {
          await update.mutateAsync({ id: user.id, disabled: true });
          notifications.show({ color: 'green', title: t('users.disabledDone'), message: user.name || user.email });
        }}
      >
        {t('users.disableText', { organisation: me.organisation.name })}
        {tokensLine(user)}
      </ConfirmDialog>
      <ConfirmDialog
        opened={removing}
        title={t('users.removeTitle', { name: user.name || user.email })}
        confirmLabel={t('common.remove')}
        onClose={() => setRemoving(false)}
        onConfirm={async () => {
          await remove.mutateAsync(user.id);
          notifications.show({ color: 'green', title: t('users.removed'), message: user.email });
        }}
      >
        {t('users.removeText', { organisation: me.organisation.name })}
        {tokensLine(user)}
      </ConfirmDialog>
    </>
  );
}

function UserRow({ user }: { user: User }) {
  const { t } = useTranslation();
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
          {user.last_seen_at ? date(user.last_seen_at, 'short') : t('users.never')}
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
  const { t } = useTranslation();
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
            {user.last_seen_at ? t('users.seen', { date: date(user.last_seen_at, 'short') }) : t('users.neverSeen')}
          </Text>
          {user.disabled && <StatusBadgeFor user={user} />}
        </Group>
      </Group>
    </MobileListItem>
  );
}
