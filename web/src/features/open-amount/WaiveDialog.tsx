import { useEffect, useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrderDetail } from '../../api/types';
import { useWaiveDue } from '../../api/orderChanges';
import { errorMessage, isApiError } from '../../api/errors';
import { formProblem } from '../../lib/formErrors';
import { useSession } from '../auth/SessionContext';
import { ActionError } from '../actions/ActionError';

export function WaiveDialog({ order, opened, onClose }: { order: OrderDetail; opened: boolean; onClose: () => void }) {
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
        title: 'Open amount waived',
        message: `Order ${order.number} no longer waits for ${money(due, currency)}.`,
      });
      onClose();
    } catch (cause) {
      setError(cause);
      notifications.show({ color: 'red', title: 'Not waived', message: errorMessage(cause) });
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>Waive the open amount of order {order.number}</Text>} size="md">
      <Stack gap="md">
        <Text size="sm">
          The customer does not have to pay the open amount of <b>{money(due, currency)}</b>. The tickets stay as they
          are.
        </Text>
        <Textarea
          label="Reason"
          placeholder="For example: goodwill after a moved concert"
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
            Back
          </Button>
          <Button color="orange" onClick={submit} loading={waive.isPending} disabled={!reason.trim()}>
            Waive {money(due, currency)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
