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
import { useTranslation } from 'react-i18next';


/** Creates an event, or edits one when `event` is given. Times are picked in the organisation's zone. */
export function EventFormModal({ event, opened, onClose }: {
  event?: EventRecord;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
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
        notifications.show({ color: 'green', title: t('events.saved'), message: body.name });
        onClose();
      } else {
        const created = await create.mutateAsync(body);
        notifications.show({ color: 'green', title: t('events.created'), message: t('events.createdText') });
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
      title={<Text fw={650}>{event ? t('events.editName', { name: event.name }) : t('events.new')}</Text>}
      size="lg"
    >
      <form onSubmit={submit} noValidate aria-label={event ? t('events.edit') : t('events.new')}>
        <Stack gap="md">
          <FormAlert problem={problem} />
          <TextInput
            label={t('events.form.name')}
            placeholder={t('events.form.namePlaceholder')}
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fields.name}
          />
          <TextInput
            label={t('events.form.venue')}
            placeholder={t('events.form.venuePlaceholder')}
            leftSection={<IconMapPin size={16} />}
            value={venue}
            onChange={(e) => setVenue(e.currentTarget.value)}
            error={fields.venue}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              type="datetime-local"
              label={t('events.form.starts')}
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
              label={t('events.form.ends')}
              required
              leftSection={<IconCalendar size={16} />}
              value={endsAt}
              min={startsAt || undefined}
              onChange={(e) => setEndsAt(e.currentTarget.value)}
              error={fields.ends_at}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('events.form.timeZone', { timeZone })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={!name.trim()}>
              {event ? t('events.form.save') : t('events.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
