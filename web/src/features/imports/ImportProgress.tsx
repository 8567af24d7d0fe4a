import { Group, Progress, Stack, Text } from '@mantine/core';
import type { ImportJob } from '../../api/imports';
import { formatNumber } from '../../lib/format';
import { useTranslation } from 'react-i18next';


export function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const progress = job.progress;
  const percent = progress && progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : null;
  const phase = progress?.phase ?? 'waiting';
  const label = job.status === 'committing' ? t('imports.progress.importing') : t('imports.progress.validating');
  return (
    <Stack gap={6} role="status" aria-live="polite" data-testid="import-progress">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {label}… {t(`imports.progress.phase.${phase}`, { defaultValue: phase })}
        </Text>
        {progress && progress.total > 0 && (
          <Text size="sm" c="dimmed" className="tabular">
            {t('imports.progress.rows', { done: formatNumber(progress.done), total: formatNumber(progress.total) })}
          </Text>
        )}
      </Group>
      <Progress
        value={percent ?? 100}
        animated
        striped={percent === null}
        size="lg"
        radius="xl"
        aria-label={t('imports.progress.label', { what: label })}
      />
    </Stack>
  );
}
