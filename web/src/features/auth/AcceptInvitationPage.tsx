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
import { ROLES } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

/** The page of the link in an invitation e-mail: works without log-in. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const view = useInvitationViewQuery(token);
  useDocumentTitle(view.data ? `Join ${view.data.organisation.name}` : 'Invitation');
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" radius="lg" p="xl" w="100%" maw={440}>
        <Stack gap="md">
          <Stack gap={6} align="center">
            <IconTicket size={36} stroke={1.6} color="var(--mantine-color-indigo-6)" aria-hidden />
            <Title order={1} size="h3" ta="center">
              {view.data ? `Join ${view.data.organisation.name}` : 'Invitation'}
            </Title>
          </Stack>
          {view.isPending ? (
            <Skeleton height={160} radius="md" />
          ) : view.isError ? (
            <Alert color="red" title="This invitation does not work" role="alert">
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
  const role = ROLES.find((r) => r.value === invitation.role);

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
      {invitation.invited_by} invited{' '}
      <Text span fw={600}>
        {invitation.email}
      </Text>{' '}
      to work in {invitation.organisation.name} as {role?.label.toLowerCase() ?? invitation.role}
      {role ? ` (${role.description.toLowerCase()})` : ''}.
    </Text>
  );

  if (me.isPending) return <Skeleton height={120} radius="md" />;

  if (!isNew && loggedInAs && !asThisAccount) {
    return (
      <Stack gap="md">
        {intro}
        <Alert color="orange" role="alert">
          You are logged in as {loggedInAs}. Log out, then log in as {invitation.email} to accept.
        </Alert>
        <Button onClick={switchAccount}>Log out</Button>
      </Stack>
    );
  }

  const fields = problem?.fields ?? {};
  return (
    <form onSubmit={submit} noValidate aria-label="Accept the invitation">
      <Stack gap="md">
        {intro}
        <FormAlert problem={problem} />
        {isNew ? (
          <>
            <Text size="sm" c="dimmed">
              Choose a password for your new account. You log in with {invitation.email}.
            </Text>
            <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
            <TextInput label="Your name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} />
            <PasswordInput
              label="Password"
              description="At least 10 characters; not a common password."
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fields.password}
            />
            <Button type="submit" loading={busy} disabled={!password}>
              Set password and join
            </Button>
          </>
        ) : asThisAccount ? (
          <>
            <Text size="sm" c="dimmed">
              You are logged in as {invitation.email}.
            </Text>
            <Button type="submit" loading={busy}>
              Accept invitation
            </Button>
          </>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              You already have an account. Log in as {invitation.email} to accept.
            </Text>
            <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fields.password}
            />
            <Button type="submit" loading={busy} disabled={!password}>
              Log in and accept
            </Button>
          </>
        )}
      </Stack>
    </form>
  );
}
