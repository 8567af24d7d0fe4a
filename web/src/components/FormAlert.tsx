import { Alert } from '@mantine/core';
import { IconAlertTriangle } from './icons';
import type { FormProblem } from '../lib/formErrors';

/** The problem of a form that no single field explains; problems of fields show at the fields. */
export function FormAlert({ problem }: { problem: FormProblem | null }) {
  if (!problem || Object.keys(problem.fields).length > 0) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={16} />} role="alert">
      {problem.message}
    </Alert>
  );
}
