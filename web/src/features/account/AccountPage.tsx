import { useState, type FormEvent } from 'react';
import { Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { changeOwnPassword } from '../../api/users';
import { Page } from '../../components/Page';
import { PageHeader } from '../../components/PageHeader';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../lib/labels';
import { LanguageCard } from './LanguageCard';
import { formProblem, type FormProblem } from '../../lib/formErrors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../auth/SessionContext';
import { FormAlert } from '../../components/FormAlert';

export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
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
        title: t('account.password.changed'),
        message: t('account.password.otherSessionsLoggedOut'),
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
      <PageHeader title={t('account.title')} description={me.user ? `${me.user.name} · ${me.user.email}` : undefined} />
      <Stack gap="lg">
        <Card>
          <Text size="sm" c="dimmed">
            {t('account.organisations')}
          </Text>
          {me.organisations.map((org) => (
            <Group key={org.slug} justify="space-between" mt={6}>
              <Text size="sm" fw={500}>
                {org.name}
              </Text>
              <Text size="sm" c="dimmed">
                {roleLabel(org.role)}
              </Text>
            </Group>
          ))}
        </Card>
        <LanguageCard me={me} />
        <Card component="form" onSubmit={submit} noValidate aria-label={t('account.password.title')}>
          <Stack gap="md">
            <div>
              <Title order={2} size="h4">
                {t('account.password.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('account.password.description')}
              </Text>
            </div>
            <FormAlert problem={problem} />
            <PasswordInput
              label={t('account.password.current')}
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={fields.current_password}
            />
            <PasswordInput
              label={t('account.password.new')}
              autoComplete="new-password"
              required
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={fields.new_password}
            />
            <PasswordInput
              label={t('account.password.repeat')}
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={mismatch ? t('account.password.mismatch') : undefined}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={busy} disabled={!current || !next || !repeat || mismatch}>
                {t('account.password.submit')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </Stack>
    </Page>
  );
}
