import { Card, Skeleton, Text } from '@mantine/core';

export function StatCard({ id, label, value, hint, loading, tone }: {
  /** Names the figure for tests whatever the language (`stat-<id>`). */
  id: string;
  label: string;
  value: string;
  hint?: string;
  loading?: boolean;
  tone?: 'negative';
}) {
  return (
    <Card padding="md" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      {loading ? (
        <Skeleton height={26} mt={6} width="70%" />
      ) : (
        <Text fz={24} fw={650} className="tabular" mt={2} c={tone === 'negative' ? 'red.7' : undefined} data-testid={`stat-${id}`}>
          {value}
        </Text>
      )}
      {hint && (
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
    </Card>
  );
}
