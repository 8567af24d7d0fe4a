import { SimpleGrid, Text } from '@mantine/core';
import type { PersonalisationField } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { FieldInput } from '../personalisation/TicketPersonalisationForm';

/** The new attendee of a handed-over ticket, with the fields its ticket type asks for. */
export function AttendeeFields({ fields, values, errors, onChange }: {
  fields: PersonalisationField[];
  values: Record<string, string>;
  /** Keyed `attendee.<key>`, as the server names them. */
  errors: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  if (fields.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('changes.row.noAttendeeData')}
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
      {fields.map((field) => (
        <FieldInput
          key={field.key}
          field={field}
          value={values[field.key] ?? ''}
          error={errors[`attendee.${field.key}`]}
          missing={false}
          onChange={(value) => onChange({ ...values, [field.key]: value })}
        />
      ))}
    </SimpleGrid>
  );
}
