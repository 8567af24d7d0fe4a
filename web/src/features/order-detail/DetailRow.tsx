import type { ReactNode } from 'react';
import { Group, Text } from '@mantine/core';

export function DetailRow({ label, value }: { label: string; value: ReactNode }) {
  const empty = value === null || value === undefined || value === '';
  return (
    <Group justify="space-between" gap="md" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" ta="right" style={{ overflowWrap: 'anywhere' }} c={empty ? 'dimmed' : undefined}>
        {empty ? '—' : value}
      </Text>
    </Group>
  );
}
