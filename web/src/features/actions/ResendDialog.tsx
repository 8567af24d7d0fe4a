import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMail } from '../../components/icons';
import { useNavigate } from 'react-router-dom';
import type { OrderDetail } from '../../api/types';
import { useResend } from '../../api/orderActions';
import { errorMessage } from '../../api/errors';
import { useTranslation } from 'react-i18next';
import { ActionError } from './ActionError';
import { TicketSummaryList } from './TicketSummaryList';

export function ResendDialog({ order, opened, onClose, onClosed }: {
  order: OrderDetail;
  opened: boolean;
  onClose: (restoreFocus?: boolean) => void;
  onClosed?: () => void;
}) {
  const { t } = useTranslation();
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
        title: t('actions.resend.sent'),
        message: t('actions.resend.sentText', { count: valid.length, email }),
      });
      onClose();
    } catch (cause) {
      setError(cause);
      notifications.show({ color: 'red', title: t('actions.resend.notSent'), message: errorMessage(cause) });
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={() => onClose()}
      returnFocus={false}
      onExitTransitionEnd={onClosed}
      title={<Text fw={650}>{t('actions.resend.title')}</Text>}
      size="md"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('actions.resend.intro')}
        </Text>
        <Paper withBorder p="md" bg="indigo.0" radius="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('actions.resend.sendTo')}
          </Text>
          <Group gap={8} mt={4} wrap="nowrap">
            <IconMail size={18} aria-hidden />
            <Text fw={600} data-testid="resend-email" style={{ overflowWrap: 'anywhere' }}>
              {email}
            </Text>
          </Group>
          <Group justify="space-between" gap="xs" mt={6} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {t('actions.resend.confirmAddress')}
            </Text>
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => {
                onClose(false);
                navigate({ search: '?contact=edit' }, { replace: true });
              }}
            >
              {t('order.contact.edit')}
            </Button>
          </Group>
        </Paper>
        <div>
          <Text size="sm" fw={600} mb={6}>
            {t('actions.resend.validTickets', { count: valid.length })}
          </Text>
          <TicketSummaryList tickets={valid} currency={order.totals.currency} label={t('actions.resend.ticketsLabel')} />
          {excluded > 0 && (
            <Alert color="gray" variant="light" mt="sm" p="xs">
              <Text size="xs">
                {t('actions.resend.excluded', { count: excluded })}
              </Text>
            </Alert>
          )}
        </div>
        <ActionError error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onClose()}>
            {t('common.back')}
          </Button>
          <Button leftSection={<IconMail size={16} />} onClick={confirm} loading={resend.isPending} data-autofocus>
            {t('actions.resend.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
