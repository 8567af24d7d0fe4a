import { useRef, useState, type DragEvent } from 'react';
import { Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCloudUpload, IconFileTypeCsv, IconX } from '../../components/icons';
import { formatBytes } from '../../lib/format';
import { useTranslation } from 'react-i18next';


/** Drop a CSV file here or pick one; the chosen file's name and size are shown. */
export function FileDropzone({ file, onChange, maxBytes, disabled }: {
  file: File | null;
  onChange: (file: File | null) => void;
  maxBytes: number | null;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const dropped = event.dataTransfer.files[0];
    if (dropped) onChange(dropped);
  }

  return (
    <Paper
      radius="md"
      p="xl"
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{
        border: `1.5px dashed var(--mantine-color-${over ? 'indigo-5' : 'gray-4'})`,
        background: over ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-gray-0)',
        transition: 'background 120ms, border-color 120ms',
      }}
      data-testid="dropzone"
    >
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        aria-label={t('imports.drop.file')}
        hidden
        onChange={(event) => {
          onChange(event.currentTarget.files?.[0] ?? null);
          event.currentTarget.value = '';
        }}
      />
      {file ? (
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <ThemeIcon size={40} radius="md" variant="light" color="indigo">
              <IconFileTypeCsv size={22} />
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text fw={600} size="sm" truncate data-testid="file-name">
                {file.name}
              </Text>
              <Text size="xs" c="dimmed" data-testid="file-size">
                {formatBytes(file.size)}
              </Text>
            </div>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" size="xs" onClick={() => input.current?.click()} disabled={disabled}>
              {t('imports.drop.another')}
            </Button>
            <Button
              variant="subtle"
              color="gray"
              size="xs"
              px={6}
              onClick={() => onChange(null)}
              disabled={disabled}
              aria-label={t('imports.drop.remove')}
            >
              <IconX size={16} />
            </Button>
          </Group>
        </Group>
      ) : (
        <Stack align="center" gap={6} ta="center">
          <ThemeIcon size={48} radius="xl" variant="light" color="indigo">
            <IconCloudUpload size={26} />
          </ThemeIcon>
          <Text fw={600}>{t('imports.drop.here')}</Text>
          <Text size="sm" c="dimmed">
            {t('imports.drop.or')}{' '}
            <Button variant="subtle" size="compact-sm" onClick={() => input.current?.click()} disabled={disabled}>
              {t('imports.drop.choose')}
            </Button>
          </Text>
          <Text size="xs" c="dimmed">
            {maxBytes ? t('imports.drop.formatMax', { max: formatBytes(maxBytes) }) : t('imports.drop.format')}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
