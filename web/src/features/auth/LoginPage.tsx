import { useState, type FormEvent } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconTicket } from '../../components/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { logIn, meQueryKey } from '../../api/session';
import { errorMessage, isApiError } from '../../api/errors';
import { getOrganisationSlug, setOrganisationSlug } from '../../api/client';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/orders';
  return next;
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const expired = params.get('next') !== null;
  useDocumentTitle(t('auth.login.title'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await logIn(email.trim(), password);
      const stored = getOrganisationSlug();
      if (stored && !me.organisations?.some((org) => org.slug === stored)) setOrganisationSlug(null);
      queryClient.clear();
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (cause) {
      setError(
        isApiError(cause, 'invalid_credentials') || (isApiError(cause) && cause.status === 401)
          ? t('auth.login.wrongCredentials')
          : errorMessage(cause),
      );
      queryClient.removeQueries({ queryKey: meQueryKey });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" radius="lg" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Stack gap={6} align="center">
              <IconTicket size={36} stroke={1.6} color="var(--mantine-color-indigo-6)" aria-hidden />
              <Title order={1} size="h3">
                {t('auth.login.heading')}
              </Title>
              <Text size="sm" c="dimmed">
                {expired ? t('auth.login.continue') : t('auth.login.intro')}
              </Text>
            </Stack>
            {error && (
              <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy} fullWidth disabled={!email || !password}>
              {t('auth.login.submit')}
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              {t('auth.login.forgot')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
