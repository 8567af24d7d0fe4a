import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconCheck } from '../../components/icons';
import type { PersonalisationField, PersonalisationTicket } from '../../api/types';
import { errorMessage, isApiError } from '../../api/errors';
import { maskBarcode } from '../../lib/format';
import { i18n } from '../../i18n';
import { useTranslation } from 'react-i18next';


type Values = Record<string, string>;

function initialValues(ticket: PersonalisationTicket): Values {
  const values: Values = {};
  for (const field of ticket.fields) values[field.key] = ticket.values?.[field.key] ?? '';
  return values;
}

const INPUT_TYPES: Record<string, string> = { email: 'email', date: 'date', phone: 'tel', text: 'text' };

/** Per-field messages of a 422 for this ticket: keys are "<ticket_id>.<key>" (a bare key is accepted too). */
function fieldErrorsFor(ticketId: number, error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const result: Record<string, string> = {};
  for (const [key, message] of Object.entries(error.fieldErrors)) {
    const prefix = `${ticketId}.`;
    if (key.startsWith(prefix)) result[key.slice(prefix.length)] = message;
    else if (!key.includes('.')) result[key] = message;
  }
  return result;
}

export function TicketPersonalisationForm({ ticket, position, onSave }: {
  ticket: PersonalisationTicket;
  position: number;
  onSave: (values: Record<string, string | null>) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => initialValues(ticket));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const missing = new Set(ticket.missing);

  useEffect(() => {
    setValues(initialValues(ticket));
  }, [ticket]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    setProblem(null);
    setSaved(false);
    const payload: Record<string, string | null> = {};
    for (const field of ticket.fields) payload[field.key] = values[field.key]?.trim() || null;
    try {
      await onSave(payload);
      setSaved(true);
    } catch (cause) {
      const perField = fieldErrorsFor(ticket.ticket_id, cause);
      setErrors(perField);
      setProblem(Object.keys(perField).length ? t('personalisation.form.checkFields') : errorMessage(cause));
    } finally {
      setSaving(false);
    }
  }

  const headingId = `ticket-${ticket.ticket_id}-title`;
  return (
    <Card component="form" onSubmit={submit} noValidate aria-labelledby={headingId} data-ticket-id={ticket.ticket_id}>
      <Group justify="space-between" mb="md" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600} id={headingId}>
            {t('personalisation.form.ticket', { position, type: ticket.ticket_type.name })}
          </Text>
          {ticket.barcode && (
            <Text size="xs" c="dimmed" ff="monospace">
              {maskBarcode(ticket.barcode)}
            </Text>
          )}
        </div>
        {ticket.missing.length > 0 ? (
          <Badge
            color="orange"
            variant="light"
            data-testid="missing-badge"
            title={t('personalisation.staff.fieldsMissing', { count: ticket.missing.length })}
            style={{ flexShrink: 0 }}
          >
            {t('order.contents.missing', { count: ticket.missing.length })}
          </Badge>
        ) : (
          <Badge color="green" variant="light" leftSection={<IconCheck size={12} />}>
            {t('personalisation.form.complete')}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {ticket.fields.map((field) => (
          <FieldInput
            key={field.key}
            field={field}
            value={values[field.key] ?? ''}
            error={errors[field.key]}
            missing={missing.has(field.key) && !values[field.key]}
            onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
          />
        ))}
      </SimpleGrid>
      {problem && (
        <Alert color="red" mt="md" p="xs" role="alert">
          {problem}
        </Alert>
      )}
      <Group justify="flex-end" mt="md" gap="sm">
        {saved && (
          <Text size="sm" c="green.8" role="status">
            {t('personalisation.form.saved')}
          </Text>
        )}
        <Button type="submit" loading={saving}>
          {t('personalisation.form.save', { position })}
        </Button>
      </Group>
    </Card>
  );
}

export function FieldInput({ field, value, error, missing, onChange }: {
  field: PersonalisationField;
  value: string;
  error?: string;
  missing: boolean;
  onChange: (value: string) => void;
}) {
  const common = {
    label: field.label,
    required: field.required,
    error,
    className: missing && !error ? 'field-missing' : undefined,
    description: missing && !error ? i18n.t('personalisation.form.requiredMissing') : undefined,
    'data-field': field.key,
  };
  if (field.kind === 'select') {
    return (
      <Select
        {...common}
        data={field.options ?? []}
        value={value || null}
        onChange={(next) => onChange(next ?? '')}
        clearable={!field.required}
        placeholder={i18n.t('personalisation.form.choose')}
      />
    );
  }
  return (
    <TextInput
      {...common}
      type={INPUT_TYPES[field.kind] ?? 'text'}
      autoComplete={field.kind === 'email' ? 'email' : field.kind === 'phone' ? 'tel' : undefined}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
