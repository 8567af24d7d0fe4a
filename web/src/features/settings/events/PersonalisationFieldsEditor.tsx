import { ActionIcon, Button, Card, Group, Select, Stack, Switch, TagsInput, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '../../../components/icons';
import type { FieldKind, PersonalisationField } from '../../../api/types';
import { useTranslation } from 'react-i18next';


const KINDS: FieldKind[] = ['text', 'email', 'date', 'phone', 'select'];

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
  const { t } = useTranslation();
  const kinds = KINDS.map((value) => ({ value, label: t(`events.fields.kind.${value}`) }));
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
    <Stack gap="xs" role="group" aria-label={t('events.fields.label')}>
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('events.fields.none')}
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
          aria-label={t('events.fields.field', { position: index + 1 })}
        >
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <Stack gap={2} pt={22}>
              <Tooltip label={t('events.moveUp')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={t('events.fields.moveUp', { position: index + 1 })}
                >
                  <IconArrowUp size={14} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('events.moveDown')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  disabled={index === fields.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={t('events.fields.moveDown', { position: index + 1 })}
                >
                  <IconArrowDown size={14} />
                </ActionIcon>
              </Tooltip>
            </Stack>
            <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
              <Group gap="xs" align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
                <TextInput
                  label={t('events.fields.labelField')}
                  placeholder={t('events.fields.labelPlaceholder')}
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
                  label={t('events.fields.key')}
                  placeholder="date_of_birth" // i18n-ignore: a key
                  size="xs"
                  ff="monospace"
                  value={field.key}
                  onChange={(e) => change(index, { key: e.currentTarget.value, autoKey: false })}
                  error={error(index, 'key')}
                  miw={130}
                />
                <Select
                  label={t('events.fields.kindLabel')}
                  size="xs"
                  data={kinds}
                  value={field.kind}
                  allowDeselect={false}
                  onChange={(value) => change(index, { kind: (value ?? 'text') as FieldKind })}
                  error={error(index, 'kind')}
                  miw={110}
                />
              </Group>
              {field.kind === 'select' && (
                <TagsInput
                  label={t('events.fields.options')}
                  description={t('events.fields.optionsHint')}
                  placeholder={t('events.fields.optionsPlaceholder')}
                  size="xs"
                  value={field.options ?? []}
                  onChange={(options) => change(index, { options })}
                  splitChars={[',', ';']}
                  error={error(index, 'options')}
                />
              )}
              <Switch
                label={t('events.fields.required')}
                size="xs"
                checked={field.required}
                onChange={(e) => change(index, { required: e.currentTarget.checked })}
                error={error(index, 'required')}
              />
            </Stack>
            <Tooltip label={t('events.fields.remove')}>
              <ActionIcon
                variant="subtle"
                color="red"
                mt={22}
                onClick={() => onChange(fields.filter((_, i) => i !== index))}
                aria-label={t('events.fields.removeNumber', { position: index + 1 })}
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
          {t('events.fields.add')}
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
