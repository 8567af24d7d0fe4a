import { useState, type FormEvent } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { IconTicket } from '../../components/icons';
import { FormAlert } from '../../components/FormAlert';
import { acceptInvitation, useInvitationViewQuery, type InvitationView } from '../../api/users';
import { logOut, meQueryKey, useMeQuery } from '../../api/session';
import { setOrganisationSlug } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { formProblem, type FormProblem } from '../../lib/formErrors';
import { roleDescription } from '../../lib/roles';
import { roleLabel } from '../../lib/labels';
import { Trans, useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

/** The page of the link in an invitation e-mail: works without log-in. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const view = useInvitationViewQuery(token);
  const title = view.data ? t('auth.invite.join', { organisation: view.data.organisation.name }) : t('auth.invite.title');
  useDocumentTitle(title);
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" radius="lg" p="xl" w="100%" maw={440}>
        <Stack gap="md">
          <Stack gap={6} align="center">
            <IconTicket size={36} stroke={1.6} color="var(--mantine-color-indigo-6)" aria-hidden />
            <Title order={1} size="h3" ta="center">
              {title}
            </Title>
          </Stack>
          {view.isPending ? (
            <Skeleton height={160} radius="md" />
          ) : view.isError ? (
            <Alert color="red" title={t('auth.invite.broken')} role="alert">
              {errorMessage(view.error)}
            </Alert>
          ) : (
            <AcceptForm token={token} invitation={view.data} />
          )}
        </Stack>
      </Paper>
    </Center>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationView }) {
  const { t } = useTranslation();
  const me = useMeQuery();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const loggedInAs = me.data?.user?.email ?? null;
  const isNew = invitation.account === 'new';
  const asThisAccount = loggedInAs === invitation.email;
  const description = roleDescription(invitation.role);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const body = asThisAccount && !isNew ? {} : { password, ...(isNew && name.trim() ? { name: name.trim() } : {}) };
      await acceptInvitation(token, body, loggedInAs !== null);
      setOrganisationSlug(invitation.organisation.slug);
      queryClient.clear();
      navigate('/orders', { replace: true });
    } catch (cause) {
      setProblem(formProblem(cause));
    } finally {
      setBusy(false);
    }
  }

  async function switchAccount() {
    await logOut();
    queryClient.removeQueries({ queryKey: meQueryKey });
    await me.refetch();
  }

  const intro = (
    <Text size="sm">
      <Trans
        i18nKey="auth.invite.intro"
        values={{
          inviter: invitation.invited_by,
          email: invitation.email,
          organisation: invitation.organisation.name,
          role: roleLabel(invitation.role).toLowerCase(),
          description: description ? ` (${description.toLowerCase()})` : '',
        }}
        components={{ b: <Text span fw={600} /> }}
      />
    </Text>
  );

  if (me.isPending) return <Skeleton height={120} radius="md" />;

  if (!isNew && loggedInAs && !asThisAccount) {
    return (
      <Stack gap="md">
        {intro}
        <Alert color="orange" role="alert">
          {t('auth.invite.otherAccount', { current: loggedInAs, email: invitation.email })}
        </Alert>
        <Button onClick={switchAccount}>{t('layout.logOut')}</Button>
      </Stack>
    );
  }

  const fields = problem?.fields ?? {};
  return (
    <form onSubmit={submit} noValidate aria-label={t('auth.invite.formLabel')}>
      <Stack gap="md">
        {intro}
        <FormAlert problem={problem} />
        {isNew ? (
          <>
            <Text size="sm" c="dimmed">
              {t('auth.invite.choosePassword', { email: invitation.email })}
            </Text>
            <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
            <TextInput label={t('auth.invite.yourName')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} />
            <PasswordInput
              label={t('auth.password')}
              description={t('auth.invite.passwordRule')}
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fields.password}
            />
            <Button type="submit" loading={busy} disabled={!password}>
              {t('auth.invite.setPasswordAndJoin')}
            </Button>
          </>
        ) : asThisAccount ? (
          <>
            <Text size="sm" c="dimmed">
              {t('auth.invite.loggedInAs', { email: invitation.email })}
            </Text>
            <Button type="submit" loading={busy}>
              {t('auth.invite.accept')}
            </Button>
          </>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('auth.invite.existingAccount', { email: invitation.email })}
            </Text>
            <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fields.password}
            />
            <Button type="submit" loading={busy} disabled={!password}>
              {t('auth.invite.logInAndAccept')}
            </Button>
          </>
        )}
      </Stack>
    </form>
  );
}
