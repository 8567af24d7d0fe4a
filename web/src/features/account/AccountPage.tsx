import { useState, type FormEvent } from 'react';
import { Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { changeOwnPassword } from '../../api/users';
import { Page } from '../../components/Page';
import { PageHeader } from '../../components/PageHeader';
import { humanize } from '../../lib/format';
import { formProblem, type FormProblem } from '../../lib/formErrors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../auth/SessionContext';
import { FormAlert } from '../../components/FormAlert';

export function AccountPage() {
  useDocumentTitle('My account');
  const { me } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const mismatch = repeat.length > 0 && repeat !== next;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setProblem(null);
    try {
      await changeOwnPassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      notifications.show({
        color: 'green',
        title: 'Password changed',
        message: 'Your other sessions have been logged out.',
      });
    } catch (cause) {
      setProblem(formProblem(cause));
    } finally {
      setBusy(false);
    }
  }

  const fields = problem?.fields ?? {};
  return (
    <Page maw={720}>
      <PageHeader title="My account" description={me.user ? `${me.user.name} · ${me.user.email}` : undefined} />
      <Stack gap="lg">
        <Card>
          <Text size="sm" c="dimmed">
            Organisations
          </Text>
          {me.organisations.map((org) => (
            <Group key={org.slug} justify="space-between" mt={6}>
              <Text size="sm" fw={500}>
                {org.name}
              </Text>
              <Text size="sm" c="dimmed">
                {humanize(org.role)}
              </Text>
            </Group>
          ))}
        </Card>
        <Card component="form" onSubmit={submit} noValidate aria-label="Change password">
          <Stack gap="md">
            <div>
              <Title order={2} size="h4">
                Change password
              </Title>
              <Text size="sm" c="dimmed">
                Your other sessions are logged out; this one stays.
              </Text>
            </div>
            <FormAlert problem={problem} />
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={fields.current_password}
            />
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              required
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={fields.new_password}
            />
            <PasswordInput
              label="Repeat new password"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={mismatch ? 'Does not match the new password.' : undefined}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={busy} disabled={!current || !next || !repeat || mismatch}>
                Change password
              </Button>
            </Group>
          </Stack>
        </Card>
      </Stack>
    </Page>
  );
}
