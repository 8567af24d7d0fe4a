import { Center, Loader } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useMeQuery } from '../../api/session';
import { isApiError } from '../../api/errors';
import { getOrganisationSlug, setOrganisationSlug } from '../../api/client';
import { SessionProvider } from './SessionContext';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';

export function loginPathFor(location: { pathname: string; search: string; hash?: string }) {
  const next = `${location.pathname}${location.search}${location.hash ?? ''}`;
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

export function RequireSession() {
  const location = useLocation();
  const { t } = useTranslation();
  const me = useMeQuery();

  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      return <Navigate to={loginPathFor(location)} replace />;
    }
    return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  }
  const stored = getOrganisationSlug();
  if (stored && !me.data.organisations.some((org) => org.slug === stored)) {
    setOrganisationSlug(null);
  }
  return (
    <SessionProvider me={me.data}>
      <Outlet />
    </SessionProvider>
  );
}
