import { ApiError } from './errors';
import { activeLanguage } from '../i18n';

const ORG_STORAGE_KEY = 'boxoffice.organisation';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let organisationSlug: string | null = readStoredOrganisation();
let onUnauthenticated: (() => void) | null = null;

function readStoredOrganisation(): string | null {
  try {
    return window.localStorage.getItem(ORG_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function getOrganisationSlug() {
  return organisationSlug;
}

export function setOrganisationSlug(slug: string | null) {
  organisationSlug = slug;
  try {
    if (slug) window.localStorage.setItem(ORG_STORAGE_KEY, slug);
    else window.localStorage.removeItem(ORG_STORAGE_KEY);
  } catch {
    // storage may be unavailable (private mode); the in-memory value still applies
  }
}

/** Called once by the app so that any 401 sends the user to the log-in page. */
export function setUnauthenticatedHandler(handler: (() => void) | null) {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  rawBody?: BodyInit;
  contentType?: string;
  headers?: Record<string, string>;
  /** Public pages and the log-in form handle 401 themselves. */
  skipAuthRedirect?: boolean;
  /** No X-Organisation header (public pages). */
  anonymous?: boolean;
  signal?: AbortSignal;
}

async function refreshCsrfToken(): Promise<void> {
  const response = await fetch('/api/v1/me', {
    credentials: 'same-origin',
    headers: buildHeaders('GET', {}),
  });
  if (response.ok) {
    const me = (await response.json()) as { csrf_token?: string };
    csrfToken = me.csrf_token ?? null;
  }
}

function buildHeaders(method: string, options: RequestOptions): Headers {
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  if (!headers.has('Accept-Language')) headers.set('Accept-Language', activeLanguage());
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  else if (options.contentType) headers.set('Content-Type', options.contentType);
  if (!options.anonymous && organisationSlug) headers.set('X-Organisation', organisationSlug);
  if (UNSAFE_METHODS.has(method) && csrfToken && !options.anonymous) {
    headers.set('X-CSRF-Token', csrfToken);
  }
  return headers;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const body = options.body !== undefined ? JSON.stringify(options.body) : options.rawBody;
  return fetch(withQuery(path, options.query), {
    method,
    credentials: 'same-origin',
    headers: buildHeaders(method, options),
    body,
    signal: options.signal,
  });
}

export async function apiResponse(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Response> {
  if (UNSAFE_METHODS.has(method) && !csrfToken && !options.anonymous) {
    await refreshCsrfToken();
  }
  let response: Response;
  try {
    response = await send(method, path, options);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw ApiError.network(cause);
  }
  if (response.status === 403 && UNSAFE_METHODS.has(method) && !options.anonymous) {
    const error = await ApiError.fromResponse(response.clone());
    if (error.code === 'csrf_failed') {
      await refreshCsrfToken();
      response = await send(method, path, options);
    }
  }
  if (response.ok) return response;
  const error = await ApiError.fromResponse(response);
  if (error.status === 401 && !options.skipAuthRedirect) {
    csrfToken = null;
    onUnauthenticated?.();
  }
  throw error;
}

export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
