import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck } from '../../../components/icons';
import { useInviteUser, type Invitation } from '../../../api/users';
import type { Role } from '../../../api/types';
import { useSession } from '../../auth/SessionContext';
import { formProblem, type FormProblem } from '../../../lib/formErrors';
import { ROLES, ROLE_OPTIONS } from '../../../lib/roles';
import { FormAlert } from '../../../components/FormAlert';

export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
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
      title={<Text fw={650}>{added ? 'Invitation sent' : 'Invite a user'}</Text>}
    >
      {added ? (
        <Stack gap="md">
          <Alert color="green" icon={<IconCircleCheck size={18} />} role="status">
            We are e-mailing an invitation to {added.email} to join as {added.role === 'admin' ? 'an' : 'a'} {added.role}.
          </Alert>
          <Text size="sm">
            The link in it works once, until {date(added.expires_at, 'short')}. They choose their own password, or
            accept with the account they already have.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Invite a user">
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
              We e-mail them a link that works once, for 7 days. Nobody but them chooses their password.
            </Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={invite.isPending} disabled={!email.trim()}>
                Send invitation
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
