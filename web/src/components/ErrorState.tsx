import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from './icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors';

export function ErrorState({ error, onRetry, title }: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title ?? t('common.couldNotLoad')} role="alert" m="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.tryAgain')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
