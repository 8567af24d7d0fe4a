import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck } from '../../../components/icons';
import { useInviteUser, type Invitation } from '../../../api/users';
import type { Role } from '../../../api/types';
import { useSession } from '../../auth/SessionContext';
import { formProblem, type FormProblem } from '../../../lib/formErrors';
import { roleDescription, roleOptions } from '../../../lib/roles';
import { roleLabel } from '../../../lib/labels';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '../../../components/FormAlert';

export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('support');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [added, setAdded] = useState<Invitation | null>(null);
  const { date } = useSession();

  useEffect(() => {
    if (!opened) return;
    setEmail('');
    setName('');
    setRole('support');
    setProblem(null);
    setAdded(null);
  }, [opened]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    try {
      setAdded(await invite.mutateAsync({ email: email.trim(), name: name.trim() || undefined, role }));
    } catch (cause) {
      setProblem(formProblem(cause));
    }
  }

  const fields = problem?.fields ?? {};
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{added ? t('users.invite.sent') : t('users.invite.title')}</Text>}
    >
      {added ? (
        <Stack gap="md">
          <Alert color="green" icon={<IconCircleCheck size={18} />} role="status">
            {t('users.invite.sentText', { email: added.email, role: roleLabel(added.role) })}
          </Alert>
          <Text size="sm">
            {t('users.invite.linkText', { date: date(added.expires_at, 'short') })}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t('users.invite.title')}>
          <Stack gap="md">
            <FormAlert problem={problem} />
            <TextInput
              label={t('auth.email')}
              type="email"
              required
              data-autofocus
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fields.email}
            />
            <TextInput label={t('users.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} />
            <Select
              label={t('users.role')}
              data={roleOptions()}
              value={role}
              onChange={(value) => value && setRole(value as Role)}
              allowDeselect={false}
              description={roleDescription(role)}
              error={fields.role}
            />
            <Text size="xs" c="dimmed">
              {t('users.invite.note')}
            </Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending} disabled={!email.trim()}>
                {t('users.invite.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
