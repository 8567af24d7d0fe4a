import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend, IconTrash } from '../../../components/icons';
import { useInvitationsQuery, useResendInvitation, useRevokeInvitation, type Invitation } from '../../../api/users';
import { errorMessage } from '../../../api/errors';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { ROLES } from '../../../lib/roles';
import { useSession } from '../../auth/SessionContext';

/** Invitations that were neither accepted nor revoked; hidden when there are none. */
export function PendingInvitations() {
  const invitations = useInvitationsQuery();
  const items = invitations.data?.items ?? [];
  if (invitations.isError) return <ErrorState error={invitations.error} onRetry={() => invitations.refetch()} />;
  if (items.length === 0) return null;
  return (
    <Card padding={0} mt="lg">
      <Stack gap={2} p="md" pb="xs">
        <Title order={2} size="h4">
          Pending invitations
        </Title>
        <Text size="sm" c="dimmed">
          People who have not accepted yet. Resending makes a new link; the old one stops working.
        </Text>
      </Stack>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Pending invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>E-mail</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Invited by</Table.Th>
              <Table.Th>Link works until</Table.Th>
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
  const { date } = useSession();
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  const [revoking, setRevoking] = useState(false);

  async function sendAgain() {
    try {
      const renewed = await resend.mutateAsync(invitation.id);
      notifications.show({ color: 'green', title: 'Invitation sent again', message: renewed.email });
    } catch (cause) {
      notifications.show({ color: 'red', title: 'Not sent', message: errorMessage(cause) });
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
        <Text size="sm">{ROLES.find((r) => r.value === invitation.role)?.label ?? invitation.role}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{invitation.invited_by.name}</Text>
      </Table.Td>
      <Table.Td>
        {invitation.status === 'expired' ? (
          <Badge color="gray" variant="light">
            Expired
          </Badge>
        ) : (
          <Text size="sm">{date(invitation.expires_at, 'short')}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="default" leftSection={<IconSend size={14} />} loading={resend.isPending} onClick={sendAgain}>
            Resend
          </Button>
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setRevoking(true)}>
            Revoke
          </Button>
        </Group>
        <ConfirmDialog
          opened={revoking}
          title={`Revoke the invitation for ${invitation.email}?`}
          confirmLabel="Revoke invitation"
          onClose={() => setRevoking(false)}
          onConfirm={async () => {
            await revoke.mutateAsync(invitation.id);
            notifications.show({ color: 'green', title: 'Invitation revoked', message: invitation.email });
          }}
        >
          The link in the e-mail stops working at once. You can invite them again later.
        </ConfirmDialog>
      </Table.Td>
    </Table.Tr>
  );
}
