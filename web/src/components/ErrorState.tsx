import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from './icons';
import { errorMessage } from '../api/errors';

export function ErrorState({ error, onRetry, title = 'Could not load this' }: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} role="alert" m="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}
