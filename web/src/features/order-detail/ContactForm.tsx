import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '../../components/icons';
import type { Contact, OrderDetail } from '../../api/types';
import { useUpdateContact } from '../../api/orderActions';
import { errorMessage, isApiError, orderChangedMessage } from '../../api/errors';
import { useTranslation } from 'react-i18next';

import { CONTACT_FIELDS, type ContactTextField } from './contactFields';

type Values = Record<ContactTextField, string> & { marketing_opt_in: boolean };

function toValues(contact: Contact): Values {
  const values = { marketing_opt_in: Boolean(contact.marketing_opt_in) } as Values;
  for (const { key } of CONTACT_FIELDS) values[key] = contact[key] ?? '';
  return values;
}

function changedFields(before: Contact, values: Values): Partial<Contact> {
  const changes: Partial<Contact> = {};
  for (const { key } of CONTACT_FIELDS) {
    const next = values[key].trim();
    if (next !== (before[key] ?? '')) changes[key] = next === '' ? null : next;
  }
  if (values.marketing_opt_in !== Boolean(before.marketing_opt_in)) changes.marketing_opt_in = values.marketing_opt_in;
  return changes;
}

export function ContactForm({ order, onDone }: { order: OrderDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => toValues(order.contact));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ text: string; conflict?: boolean } | null>(null);
  const update = useUpdateContact(order.number);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changes = changedFields(order.contact, values);
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    setErrors({});
    setProblem(null);
    try {
      await update.mutateAsync({ expected_version: order.version, ...changes });
      notifications.show({ color: 'green', title: t('order.contact.saved'), message: t('order.contact.savedText', { number: order.number }) });
      onDone();
    } catch (cause) {
      if (isApiError(cause, 'validation_failed') || (isApiError(cause) && cause.status === 422)) {
        setErrors(cause.fieldErrors);
        setProblem({ text: cause.message || t('order.contact.fieldsNeedAttention') });
      } else if (isApiError(cause, 'order_changed')) {
        setProblem({ text: orderChangedMessage(), conflict: true });
        notifications.show({ color: 'orange', title: t('order.contact.notSaved'), message: orderChangedMessage() });
      } else {
        setProblem({ text: errorMessage(cause) });
      }
    }
  }

  const set = (key: ContactTextField) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [key]: value }));
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('order.contact.edit')}>
      <Stack gap="sm">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {t('order.contact.edit')}
        </Text>
        {problem && (
          <Alert color={problem.conflict ? 'orange' : 'red'} icon={<IconAlertTriangle size={16} />} role="alert" p="xs">
            {problem.text}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 1, lg: 2 }} spacing="sm" verticalSpacing="xs">
          {CONTACT_FIELDS.map(({ key, type, placeholder }) => (
            <TextInput
              key={key}
              label={t(`labels.contactField.${key}`)}
              type={type ?? 'text'}
              placeholder={placeholder}
              value={values[key]}
              onChange={set(key)}
              error={errors[key]}
              size="xs"
              maxLength={key === 'country' ? 2 : undefined}
              autoFocus={key === 'email'}
              style={key === 'email' || key === 'street' ? { gridColumn: '1 / -1' } : undefined}
            />
          ))}
        </SimpleGrid>
        <Checkbox
          label={t('labels.contactField.marketing_opt_in')}
          size="xs"
          checked={values.marketing_opt_in}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setValues((current) => ({ ...current, marketing_opt_in: checked }));
          }}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" size="xs" loading={update.isPending}>
            {t('order.contact.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
