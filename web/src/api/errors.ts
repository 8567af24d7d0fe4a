import { i18n } from '../i18n';

export interface ErrorBody {
  error?: { code?: string; message?: string; details?: Record<string, unknown> | null };
}

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'validation_failed',
  429: 'rate_limited',
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown> | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details ?? {};
  }

  /** Per-field messages of a 422 answer: `details.fields = {"<field>": "<message>"}`. */
  get fieldErrors(): Record<string, string> {
    const fields = this.details.fields;
    if (!fields || typeof fields !== 'object') return {};
    const result: Record<string, string> = {};
    for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
      result[key] = Array.isArray(value) ? value.join(' ') : String(value);
    }
    return result;
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    let body: ErrorBody | null = null;
    try {
      body = (await response.json()) as ErrorBody;
    } catch {
      body = null;
    }
    const code = body?.error?.code ?? STATUS_CODES[response.status] ?? 'server_error';
    const message =
      body?.error?.message ?? (response.status >= 500 ? i18n.t('errors.server') : response.statusText);
    return new ApiError(response.status, code, message || code, body?.error?.details);
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, 'network_error', i18n.t('errors.network'));
    error.cause = cause;
    return error;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export function orderChangedMessage(): string {
  return i18n.t('errors.orderChanged');
}

export function errorMessage(error: unknown): string {
  if (isApiError(error, 'order_changed')) return orderChangedMessage();
  if (error instanceof Error) return error.message;
  return i18n.t('errors.unknown');
}
