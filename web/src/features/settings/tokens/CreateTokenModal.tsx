import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Code, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '../../../components/icons';
import { useCreateToken } from '../../../api/tokens';
import type { Role } from '../../../api/types';
import { SecretField } from '../../../components/SecretField';
import { formProblem, type FormProblem } from '../../../lib/formErrors';
import { ROLES, ROLE_OPTIONS } from '../../../lib/roles';
import { FormAlert } from '../../../components/FormAlert';

export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
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
      title={<Text fw={650}>{token ? 'Your new API token' : 'New API token'}</Text>}
      closeOnClickOutside={!token}
      size="lg"
    >
      {token ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Copy it now">
            You will not see this token again. Store it where your integration keeps secrets.
          </Alert>
          <SecretField value={token} label="API token" />
          <Text size="sm" c="dimmed">
            Send it with every request as <Code>Authorization: Bearer {token.slice(0, 10)}…</Code>. It acts as a{' '}
            {role} of this organisation until it is revoked.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label="New API token">
          <Stack gap="md">
            <FormAlert problem={problem} />
            <TextInput
              label="Name"
              placeholder="Helpdesk integration"
              description="What uses it, so that you recognise it later."
              required
              data-autofocus
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fields.name}
            />
            <Select
              label="Role"
              data={ROLE_OPTIONS}
              value={role}
              onChange={(value) => value && setRole(value as Role)}
              allowDeselect={false}
              description={ROLES.find((r) => r.value === role)?.description}
              error={fields.role}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
