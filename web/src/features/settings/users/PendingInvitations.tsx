import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend, IconTrash } from '../../../components/icons';
import { useInvitationsQuery, useResendInvitation, useRevokeInvitation, type Invitation } from '../../../api/users';
import { errorMessage } from '../../../api/errors';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { roleLabel } from '../../../lib/labels';
import { useTranslation } from 'react-i18next';

import { useSession } from '../../auth/SessionContext';

/** Invitations that were neither accepted nor revoked; hidden when there are none. */
export function PendingInvitations() {
  const { t } = useTranslation();
  const invitations = useInvitationsQuery();
  const items = invitations.data?.items ?? [];
  if (invitations.isError) return <ErrorState error={invitations.error} onRetry={() => invitations.refetch()} />;
  if (items.length === 0) return null;
  return (
    <Card padding={0} mt="lg">
      <Stack gap={2} p="md" pb="xs">
        <Title order={2} size="h4">
          {t('users.pending.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('users.pending.description')}
        </Text>
      </Stack>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('users.pending.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auth.email')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.pending.invitedBy')}</Table.Th>
              <Table.Th>{t('users.pending.until')}</Table.Th>
              <Table.Th w={220} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((invitation) => (
              <InvitationRow key={invitation.id} invitation={invitation} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function InvitationRow({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const { date } = useSession();
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  const [revoking, setRevoking] = useState(false);

  async function sendAgain() {
    try {
      const renewed = await resend.mutateAsync(invitation.id);
      notifications.show({ color: 'green', title: t('users.pending.resent'), message: renewed.email });
    } catch (cause) {
      notifications.show({ color: 'red', title: t('users.pending.notSent'), message: errorMessage(cause) });
    }
  }

  return (
    <Table.Tr data-invitation-email={invitation.email}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {invitation.email}
        </Text>
        {invitation.name && (
          <Text size="xs" c="dimmed">
            {invitation.name}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{roleLabel(invitation.role)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{invitation.invited_by.name}</Text>
      </Table.Td>
      <Table.Td>
        {invitation.status === 'expired' ? (
          <Badge color="gray" variant="light">
            {t('users.pending.expired')}
          </Badge>
        ) : (
          <Text size="sm">{date(invitation.expires_at, 'short')}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="default" leftSection={<IconSend size={14} />} loading={resend.isPending} onClick={sendAgain}>
            {t('users.pending.resend')}
          </Button>
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setRevoking(true)}>
            {t('users.pending.revoke')}
          </Button>
        </Group>
        <ConfirmDialog
          opened={revoking}
          title={t('users.pending.revokeTitle', { email: invitation.email })}
          confirmLabel={t('users.pending.revokeConfirm')}
          onClose={() => setRevoking(false)}
          onConfirm={async () => {
            await revoke.mutateAsync(invitation.id);
            notifications.show({ color: 'green', title: t('users.pending.revoked'), message: invitation.email });
          }}
        >
          {t('users.pending.revokeText')}
        </ConfirmDialog>
      </Table.Td>
    </Table.Tr>
  );
}
