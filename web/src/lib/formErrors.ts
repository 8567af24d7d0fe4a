import { errorMessage, isApiError } from '../api/errors';

export interface FormProblem {
  /** The server's message for the whole form. */
  message: string;
  /** Per-field messages of a 422 answer, keyed as the server names the fields. */
  fields: Record<string, string>;
}

export function formProblem(cause: unknown): FormProblem {
  if (isApiError(cause) && cause.status === 422) return { message: cause.message, fields: cause.fieldErrors };
  return { message: errorMessage(cause), fields: {} };
}
