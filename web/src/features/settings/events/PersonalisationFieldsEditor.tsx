import { ActionIcon, Button, Card, Group, Select, Stack, Switch, TagsInput, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '../../../components/icons';
import type { FieldKind, PersonalisationField } from '../../../api/types';

const KINDS: { value: FieldKind; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'email', label: 'E-mail' },
  { value: 'date', label: 'Date' },
  { value: 'phone', label: 'Phone' },
  { value: 'select', label: 'Choice' },
];

/** A label as a key: "Date of birth" → "date_of_birth". */
function keyFor(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

export interface EditableField extends PersonalisationField {
  /** Whether the key still follows the label (a new field whose key nobody typed). */
  autoKey?: boolean;
}

export function PersonalisationFieldsEditor({ fields, onChange, errors }: {
  fields: EditableField[];
  onChange: (fields: EditableField[]) => void;
  /** The server's messages keyed `personalisation_fields.<index>.<part>`. */
  errors: Record<string, string>;
}) {
  const error = (index: number, part: string) => errors[`personalisation_fields.${index}.${part}`];

  function change(index: number, patch: Partial<EditableField>) {
    onChange(fields.map((field, i) => (i === index ? { ...field, ...patch } : field)));
  }

  function move(index: number, by: number) {
    const next = [...fields];
    const [field] = next.splice(index, 1);
    next.splice(index + by, 0, field!);
    onChange(next);
  }

  return (
    <Stack gap="xs" role="group" aria-label="Personalisation fields">
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          No attendee data is asked for tickets of this type.
        </Text>
      )}
      {errors.personalisation_fields && (
        <Text size="sm" c="red">
          {errors.personalisation_fields}
        </Text>
      )}
      {fields.map((field, index) => (
        <Card
          key={index}
          withBorder
          padding="sm"
          radius="md"
          data-field-index={index}
          role="group"
          aria-label={`Field ${index + 1}`}
        >
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <Stack gap={2} pt={22}>
              <Tooltip label="Move up">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={`Move field ${index + 1} up`}
                >
                  <IconArrowUp size={14} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Move down">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  disabled={index === fields.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={`Move field ${index + 1} down`}
                >
                  <IconArrowDown size={14} />
                </ActionIcon>
              </Tooltip>
            </Stack>
            <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
              <Group gap="xs" align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
                <TextInput
                  label="Label"
                  placeholder="Date of birth"
                  size="xs"
                  value={field.label}
                  onChange={(e) => {
                    const label = e.currentTarget.value;
                    change(index, field.autoKey ? { label, key: keyFor(label) } : { label });
                  }}
                  error={error(index, 'label')}
                  miw={150}
                />
                <TextInput
                  label="Key"
                  placeholder="date_of_birth"
                  size="xs"
                  ff="monospace"
                  value={field.key}
                  onChange={(e) => change(index, { key: e.currentTarget.value, autoKey: false })}
                  error={error(index, 'key')}
                  miw={130}
                />
                <Select
                  label="Kind"
                  size="xs"
                  data={KINDS}
                  value={field.kind}
                  allowDeselect={false}
                  onChange={(value) => change(index, { kind: (value ?? 'text') as FieldKind })}
                  error={error(index, 'kind')}
                  miw={110}
                />
              </Group>
              {field.kind === 'select' && (
                <TagsInput
                  label="Options"
                  description="Press Enter after each option."
                  placeholder="S, M, L"
                  size="xs"
                  value={field.options ?? []}
                  onChange={(options) => change(index, { options })}
                  splitChars={[',', ';']}
                  error={error(index, 'options')}
                />
              )}
              <Switch
                label="Required"
                size="xs"
                checked={field.required}
                onChange={(e) => change(index, { required: e.currentTarget.checked })}
                error={error(index, 'required')}
              />
            </Stack>
            <Tooltip label="Remove field">
              <ActionIcon
                variant="subtle"
                color="red"
                mt={22}
                onClick={() => onChange(fields.filter((_, i) => i !== index))}
                aria-label={`Remove field ${index + 1}`}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Card>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            onChange([...fields, { key: '', label: '', kind: 'text', required: true, options: [], autoKey: true }])
          }
        >
          Add field
        </Button>
      </Group>
    </Stack>
  );
}

/** The fields as the API takes them. */
export function toApiFields(fields: EditableField[]): PersonalisationField[] {
  return fields.map(({ key, label, kind, required, options }) => ({
    key: key.trim(),
    label: label.trim(),
    kind,
    required,
    options: kind === 'select' ? options ?? [] : [],
  }));
}
