import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck } from '../../../components/icons';
import { useInviteUser, type NewUser } from '../../../api/users';
import type { Role } from '../../../api/types';
import { SecretField } from '../../../components/SecretField';
import { formProblem, type FormProblem } from '../../../lib/formErrors';
import { ROLES, ROLE_OPTIONS } from '../../../lib/roles';
import { FormAlert } from '../../../components/FormAlert';

export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('support');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [added, setAdded] = useState<NewUser | null>(null);

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
      title={<Text fw={650}>{added ? 'User added' : 'Add a user'}</Text>}
      closeOnClickOutside={!added}
    >
      {added ? (
        <Stack gap="md">
          <Alert color="green" icon={<IconCircleCheck size={18} />}>
            {added.name || added.email} is now {added.role === 'admin' ? 'an' : 'a'} {added.role} of this organisation.
          </Alert>
          {added.initial_password ? (
            <>
              <Text size="sm">
                Give them this initial password through a safe channel. They log in with{' '}
                <Text span fw={600}>
                  {added.email}
                </Text>{' '}
                and can change it under My account.
              </Text>
              <SecretField value={added.initial_password} label="Initial password" />
              <Text size="xs" c="orange.8" fw={500}>
                You will not see this password again.
              </Text>
            </>
          ) : (
            <Text size="sm">
              {added.email} already had an account, so they log in with their existing password.
            </Text>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Add a user">
          <Stack gap="md">
            <FormAlert problem={problem} />
            <TextInput
              label="E-mail"
              type="email"
              required
              data-autofocus
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fields.email}
            />
            <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} />
            <Select
              label="Role"
              data={ROLE_OPTIONS}
              value={role}
              onChange={(value) => value && setRole(value as Role)}
              allowDeselect={false}
              description={ROLES.find((r) => r.value === role)?.description}
              error={fields.role}
            />
            <Text size="xs" c="dimmed">
              A new account gets a generated password that is shown once. Someone who already has an account keeps
              their password.
            </Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={invite.isPending} disabled={!email.trim()}>
                Add user
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
