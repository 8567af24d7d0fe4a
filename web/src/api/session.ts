import { useQuery } from '@tanstack/react-query';
import { api, getOrganisationSlug, setCsrfToken, setOrganisationSlug } from './client';
import { isApiError } from './errors';
import type { Me } from './types';

export const meQueryKey = ['me'] as const;

export async function fetchMe(): Promise<Me> {
  let me: Me;
  try {
    me = await api<Me>('GET', '/api/v1/me', { skipAuthRedirect: true });
  } catch (error) {
    // A remembered organisation the user no longer belongs to: fall back to the default one.
    if (!getOrganisationSlug() || !isApiError(error) || (error.status !== 403 && error.status !== 404)) throw error;
    setOrganisationSlug(null);
    me = await api<Me>('GET', '/api/v1/me', { skipAuthRedirect: true });
  }
  setCsrfToken(me.csrf_token);
  return me;
}

export function useMeQuery() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** Saves the account's UI language (null: follow the browser); answers as GET /api/v1/me. */
export async function saveLanguage(language: string | null): Promise<Me> {
  const me = await api<Me>('PATCH', '/api/v1/me', { body: { language } });
  if (me?.csrf_token) setCsrfToken(me.csrf_token);
  return me;
}

export async function logIn(email: string, password: string): Promise<Me> {
  const me = await api<Me>('POST', '/api/v1/session', {
    body: { email, password },
    skipAuthRedirect: true,
    anonymous: true,
  });
  setCsrfToken(me.csrf_token ?? null);
  return me;
}

export async function logOut(): Promise<void> {
  try {
    await api<void>('DELETE', '/api/v1/session', { skipAuthRedirect: true });
  } finally {
    setCsrfToken(null);
  }
}
