import { SimpleGrid } from '@mantine/core';
import type { PersonalisationField } from '../../api/types';
import { FieldInput } from '../personalisation/TicketPersonalisationForm';

/** Used when the ticket type asks for no attendee data: the new holder's name is still worth knowing. */
const NAME_FIELDS: PersonalisationField[] = [
  { key: 'first_name', label: 'First name', kind: 'text', required: false },
  { key: 'last_name', label: 'Last name', kind: 'text', required: false },
];

/** The new attendee of a handed-over ticket, with the fields its ticket type asks for. */
export function AttendeeFields({ fields, values, errors, onChange }: {
  fields: PersonalisationField[];
  values: Record<string, string>;
  /** Keyed `attendee.<key>`, as the server names them. */
  errors: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
}) {
  const shown = fields.length > 0 ? fields : NAME_FIELDS;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
      {shown.map((field) => (
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
