import { Group, Progress, Stack, Text } from '@mantine/core';
import type { ImportJob } from '../../api/imports';

const PHASES: Record<string, string> = {
  waiting: 'Waiting for its turn',
  reading: 'Checking rows',
  checking: 'Checking phone numbers and existing orders',
  writing: 'Creating orders',
  done: 'Done',
};

export function ImportProgress({ job }: { job: ImportJob }) {
  const progress = job.progress;
  const percent = progress && progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : null;
  const phase = progress?.phase ?? 'waiting';
  const label = job.status === 'committing' ? 'Importing' : 'Validating';
  return (
    <Stack gap={6} role="status" aria-live="polite" data-testid="import-progress">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {label}… {PHASES[phase] ?? phase}
        </Text>
        {progress && progress.total > 0 && (
          <Text size="sm" c="dimmed" className="tabular">
            {progress.done.toLocaleString()} of {progress.total.toLocaleString()} rows
          </Text>
        )}
      </Group>
      <Progress
        value={percent ?? 100}
        animated
        striped={percent === null}
        size="lg"
        radius="xl"
        aria-label={`${label} progress`}
      />
    </Stack>
  );
}
