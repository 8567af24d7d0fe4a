import { isApiError } from '../../api/errors';
import type { ChangeOperation } from '../../api/types';
import { ticketRow, type RowKey } from './changeDraft';

/** What the server said about one row: a message for the row and messages for its inputs. */
export interface RowProblem {
  message: string | null;
  /** Keyed `ticket_type_id`, `quantity`, `price` or `attendee.<key>`. */
  fields: Record<string, string>;
}

const INPUT_FIELDS = new Set(['ticket_type_id', 'quantity', 'price']);
const OPERATION_FIELD = /^operations\[(\d+)\]\.(.+)$/;

function problemOf(problems: Record<RowKey, RowProblem>, row: RowKey): RowProblem {
  problems[row] ??= { message: null, fields: {} };
  return problems[row]!;
}

function addMessage(problem: RowProblem, message: string) {
  problem.message = problem.message ? `${problem.message} ${message}` : message;
}

/**
 * Places the server's answer next to the operations it names: a 422's `operations[i].<field>` and a 409's
 * `details.ticket_id` / `details.ticket_type_id`. `sent` and `rows` are the operations of that request.
 */
export function rowProblems(error: unknown, sent: ChangeOperation[], rows: RowKey[]): Record<RowKey, RowProblem> {
  const problems: Record<RowKey, RowProblem> = {};
  if (!isApiError(error)) return problems;
  if (error.status === 422) {
    for (const [key, message] of Object.entries(error.fieldErrors)) {
      const match = OPERATION_FIELD.exec(key);
      const row = match ? rows[Number(match[1])] : undefined;
      if (!match || !row) continue;
      const field = match[2]!;
      const problem = problemOf(problems, row);
      if (INPUT_FIELDS.has(field) || field.startsWith('attendee.')) problem.fields[field] = message;
      else addMessage(problem, message);
    }
    return problems;
  }
  if (error.status !== 409) return problems;
  const { ticket_id: ticketId, ticket_type_id: typeId } = error.details;
  if (typeof ticketId === 'number' && rows.includes(ticketRow(ticketId))) {
    addMessage(problemOf(problems, ticketRow(ticketId)), error.message);
  } else if (typeof typeId === 'number') {
    sent.forEach((operation, index) => {
      if ('ticket_type_id' in operation && operation.ticket_type_id === typeId) {
        problemOf(problems, rows[index]!).fields.ticket_type_id = error.message;
      }
    });
  }
  return problems;
}
