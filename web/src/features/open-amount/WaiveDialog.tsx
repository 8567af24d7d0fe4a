import { useEffect, useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrderDetail } from '../../api/types';
import { useWaiveDue } from '../../api/orderChanges';
import { errorMessage, isApiError } from '../../api/errors';
import { formProblem } from '../../lib/formErrors';
import { Trans, useTranslation } from 'react-i18next';
import { useSession } from '../auth/SessionContext';
import { ActionError } from '../actions/ActionError';

export function WaiveDialog({ order, opened, onClose }: { order: OrderDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { money } = useSession();
  const waive = useWaiveDue(order.number);
  const currency = order.totals.currency;
  const due = order.totals.due ?? 0;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [seenVersion, setSeenVersion] = useState(order.version);

  useEffect(() => {
    if (!opened) return;
    setReason('');
    setError(null);
    setSeenVersion(order.version);
  }, [opened]);

  useEffect(() => {
    if (isApiError(error, 'order_changed')) setSeenVersion(order.version);
  }, [order.version, error]);

  const fields = formProblem(error).fields;

  async function submit() {
    setError(null);
    try {
      await waive.mutateAsync({ expected_version: seenVersion, reason: reason.trim() });
      notifications.show({
        color: 'green',
        title: t('openAmount.waiveDialog.done'),
        message: t('openAmount.waiveDialog.doneText', { number: order.number, amount: money(due, currency) }),
      });
      onClose();
    } catch (cause) {
      setError(cause);
      notifications.show({ color: 'red', title: t('openAmount.waiveDialog.failed'), message: errorMessage(cause) });
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('openAmount.waiveDialog.title', { number: order.number })}</Text>} size="md">
      <Stack gap="md">
        <Text size="sm">
          <Trans i18nKey="openAmount.waiveDialog.text" values={{ amount: money(due, currency) }} components={{ b: <b /> }} />
        </Text>
        <Textarea
          label={t('openAmount.waiveDialog.reason')}
          placeholder={t('openAmount.waiveDialog.reasonPlaceholder')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fields.reason}
        />
        <ActionError error={Object.keys(fields).length ? null : error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('openAmount.back')}
          </Button>
          <Button color="orange" onClick={submit} loading={waive.isPending} disabled={!reason.trim()}>
            {t('openAmount.waiveDialog.submit', { amount: money(due, currency) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
