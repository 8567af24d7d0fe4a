import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMail } from '../../components/icons';
import { useNavigate } from 'react-router-dom';
import type { OrderDetail } from '../../api/types';
import { useResend } from '../../api/orderActions';
import { errorMessage } from '../../api/errors';
import { ActionError } from './ActionError';
import { TicketSummaryList } from './TicketSummaryList';

export function ResendDialog({ order, opened, onClose, onClosed }: {
  order: OrderDetail;
  opened: boolean;
  onClose: (restoreFocus?: boolean) => void;
  onClosed?: () => void;
}) {
  const resend = useResend(order.number);
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const email = order.contact.email ?? '';
  const valid = order.tickets.filter((ticket) => ticket.status === 'valid');
  const excluded = order.tickets.length - valid.length;

  useEffect(() => {
    if (opened) setError(null);
  }, [opened]);

  async function confirm() {
    setError(null);
    try {
      await resend.mutateAsync(email);
      notifications.show({
        color: 'green',
        title: 'Tickets on their way',
        message: `${valid.length} ${valid.length === 1 ? 'ticket' : 'tickets'} queued for ${email}.`,
      });
      onClose();
    } catch (cause) {
      setError(cause);
      notifications.show({ color: 'red', title: 'Not resent', message: errorMessage(cause) });
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={() => onClose()}
      returnFocus={false}
      onExitTransitionEnd={onClosed}
      title={<Text fw={650}>Resend tickets</Text>}
      size="md"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          The existing tickets are sent again. No new order, tickets or barcodes are created and the order status
          does not change.
        </Text>
        <Paper withBorder p="md" bg="indigo.0" radius="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Send to
          </Text>
          <Group gap={8} mt={4} wrap="nowrap">
            <IconMail size={18} aria-hidden />
            <Text fw={600} data-testid="resend-email" style={{ overflowWrap: 'anywhere' }}>
              {email}
            </Text>
          </Group>
          <Group justify="space-between" gap="xs" mt={6} wrap="nowrap">
            <Text size="xs" c="dimmed">
              Confirm this is the customer’s correct address.
            </Text>
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => {
                onClose(false);
                navigate({ search: '?contact=edit' }, { replace: true });
              }}
            >
              Edit contact
            </Button>
          </Group>
        </Paper>
        <div>
          <Text size="sm" fw={600} mb={6}>
            {valid.length} valid {valid.length === 1 ? 'ticket' : 'tickets'} (PDF attached)
          </Text>
          <TicketSummaryList tickets={valid} currency={order.totals.currency} label="Tickets to resend" />
          {excluded > 0 && (
            <Alert color="gray" variant="light" mt="sm" p="xs">
              <Text size="xs">
                {excluded} cancelled or refunded {excluded === 1 ? 'ticket is' : 'tickets are'} not included.
              </Text>
            </Alert>
          )}
        </div>
        <ActionError error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onClose()}>
            Back
          </Button>
          <Button leftSection={<IconMail size={16} />} onClick={confirm} loading={resend.isPending} data-autofocus>
            Resend tickets
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
