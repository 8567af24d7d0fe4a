import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router-dom';
import { IconCalendar, IconMapPin } from '../../../components/icons';
import { useCreateEvent, useUpdateEvent, type EventRecord } from '../../../api/events';
import { formProblem, type FormProblem } from '../../../lib/formErrors';
import { addHours, toWallClock } from '../../../lib/zonedTime';
import { useSession } from '../../auth/SessionContext';
import { FormAlert } from '../../../components/FormAlert';

/** Creates an event, or edits one when `event` is given. Times are picked in the organisation's zone. */
export function EventFormModal({ event, opened, onClose }: {
  event?: EventRecord;
  opened: boolean;
  onClose: () => void;
}) {
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const create = useCreateEvent();
  const update = useUpdateEvent(event?.id ?? 0);
  const [name, setName] = useState('');
  const [venue, setVenue] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);

  useEffect(() => {
    if (!opened) return;
    setName(event?.name ?? '');
    setVenue(event?.venue ?? '');
    setStartsAt(toWallClock(event?.starts_at, timeZone));
    setEndsAt(toWallClock(event?.ends_at, timeZone));
    setProblem(null);
  }, [opened]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const body = {
      name: name.trim(),
      venue: venue.trim(),
      starts_at: startsAt || undefined,
      ends_at: endsAt || undefined,
    };
    try {
      if (event) {
        await update.mutateAsync(body);
        notifications.show({ color: 'green', title: 'Event saved', message: body.name });
        onClose();
      } else {
        const created = await create.mutateAsync(body);
        notifications.show({ color: 'green', title: 'Event created', message: 'Now add its ticket types.' });
        onClose();
        navigate(`/settings/events/${created.id}`);
      }
    } catch (cause) {
      setProblem(formProblem(cause));
    }
  }

  const fields = problem?.fields ?? {};
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{event ? `Edit ${event.name}` : 'New event'}</Text>}
      size="lg"
    >
      <form onSubmit={submit} noValidate aria-label={event ? 'Edit event' : 'New event'}>
        <Stack gap="md">
          <FormAlert problem={problem} />
          <TextInput
            label="Name"
            placeholder="Northsea Festival 2027"
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fields.name}
          />
          <TextInput
            label="Venue"
            placeholder="Beach Stage, Scheveningen"
            leftSection={<IconMapPin size={16} />}
            value={venue}
            onChange={(e) => setVenue(e.currentTarget.value)}
            error={fields.venue}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              type="datetime-local"
              label="Starts"
              required
              leftSection={<IconCalendar size={16} />}
              value={startsAt}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setStartsAt(value);
                if (value && (!endsAt || endsAt <= value)) setEndsAt(addHours(value, 4));
              }}
              error={fields.starts_at}
            />
            <TextInput
              type="datetime-local"
              label="Ends"
              required
              leftSection={<IconCalendar size={16} />}
              value={endsAt}
              min={startsAt || undefined}
              onChange={(e) => setEndsAt(e.currentTarget.value)}
              error={fields.ends_at}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Times are in the organisation’s time zone, {timeZone}.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={!name.trim()}>
              {event ? 'Save event' : 'Create event'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
