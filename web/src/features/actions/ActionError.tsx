import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '../../components/icons';
import { errorMessage, isApiError } from '../../api/errors';

export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  const conflict = isApiError(error) && error.status === 409;
  return (
    <Alert
      color={conflict ? 'orange' : 'red'}
      icon={<IconAlertTriangle size={18} />}
      role="alert"
      data-testid="action-error"
      data-code={isApiError(error) ? error.code : undefined}
    >
      {errorMessage(error)}
    </Alert>
  );
}
