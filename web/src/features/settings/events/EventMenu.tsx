import { useState } from 'react';
import { ActionIcon, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconDots, IconPencil, IconRestore, IconTrash } from '../../../components/icons';
import { useDeleteEvent, useUpdateEvent, type EventRecord } from '../../../api/events';
import { errorMessage } from '../../../api/errors';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EventFormModal } from './EventFormModal';
import { useTranslation } from 'react-i18next';


/** Edit, archive and delete an event; the server refuses to delete one with orders (409). */
export function EventMenu({ event, onDeleted }: { event: EventRecord; onDeleted?: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const update = useUpdateEvent(event.id);
  const remove = useDeleteEvent();

  async function toggleArchived() {
    try {
      await update.mutateAsync({ archived: !event.archived });
      notifications.show({
        color: 'green',
        title: event.archived ? t('events.restored') : t('events.archivedDone'),
        message: event.name,
      });
    } catch (cause) {
      notifications.show({ color: 'red', title: t('events.notChanged'), message: errorMessage(cause) });
    }
  }

  return (
    <>
      <Menu position="bottom-end" shadow="md" width={200}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('events.actionsFor', { name: event.name })}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Menu.Item>
          <Menu.Item
            leftSection={event.archived ? <IconRestore size={16} /> : <IconArchive size={16} />}
            onClick={toggleArchived}
          >
            {event.archived ? t('events.restore') : t('events.archive')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
            {t('common.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <EventFormModal event={event} opened={editing} onClose={() => setEditing(false)} />
      <ConfirmDialog
        opened={deleting}
        title={t('events.deleteTitle', { name: event.name })}
        confirmLabel={t('events.delete')}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await remove.mutateAsync(event.id);
          notifications.show({ color: 'green', title: t('events.deleted'), message: event.name });
          onDeleted?.();
        }}
      >
        {t('events.deleteText')}
      </ConfirmDialog>
    </>
  );
}
