import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Code, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '../../../components/icons';
import { useCreateToken } from '../../../api/tokens';
import type { Role } from '../../../api/types';
import { SecretField } from '../../../components/SecretField';
import { formProblem, type FormProblem } from '../../../lib/formErrors';
import { roleDescription, roleOptions } from '../../../lib/roles';
import { roleLabel } from '../../../lib/labels';
import { Trans, useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';

export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [token, setToken] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setName('');
    setRole('viewer');
    setProblem(null);
    setToken(null);
  }, [opened]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    try {
      setToken((await create.mutateAsync({ name: name.trim(), role })).token);
    } catch (cause) {
      setProblem(formProblem(cause));
    }
  }

  const fields = problem?.fields ?? {};
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{token ? t('tokens.yourNew') : t('tokens.new')}</Text>}
      closeOnClickOutside={!token}
      size="lg"
    >
      {token ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('tokens.copyNow')}>
            {t('tokens.copyNowText')}
          </Alert>
          <SecretField value={token} label={t('tokens.token')} />
          <Text size="sm" c="dimmed">
            <Trans
              i18nKey="tokens.usage"
              values={{ header: `Authorization: Bearer ${token.slice(0, 10)}…`, role: roleLabel(role) }}
              components={{ code: <Code /> }}
            />
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t('tokens.new')}>
          <Stack gap="md">
            <FormAlert problem={problem} />
            <TextInput
              label={t('users.name')}
              placeholder={t('tokens.namePlaceholder')}
              description={t('tokens.nameHint')}
              required
              data-autofocus
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fields.name}
            />
            <Select
              label={t('users.role')}
              data={roleOptions()}
              value={role}
              onChange={(value) => value && setRole(value as Role)}
              allowDeselect={false}
              description={roleDescription(role)}
              error={fields.role}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
