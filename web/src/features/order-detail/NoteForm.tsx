import { useState, type FormEvent } from 'react';
import { Button, Group, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useAddNote } from '../../api/orderActions';
import { errorMessage } from '../../api/errors';
import { useTranslation } from 'react-i18next';


export function NoteForm({ number }: { number: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const addNote = useAddNote(number);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    try {
      await addNote.mutateAsync(text.trim());
      setText('');
      notifications.show({ color: 'green', message: t('order.note.added') });
    } catch (cause) {
      notifications.show({ color: 'red', title: t('order.note.notAdded'), message: errorMessage(cause) });
    }
  }

  return (
    <form onSubmit={submit} aria-label={t('order.note.formLabel')}>
      <Textarea
        aria-label={t('order.note.label')}
        placeholder={t('order.note.placeholder')}
        autosize
        minRows={1}
        maxRows={6}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e);
        }}
      />
      {text.trim() && (
        <Group justify="flex-end" mt="xs">
          <Button type="submit" size="xs" loading={addNote.isPending}>
            {t('order.note.submit')}
          </Button>
        </Group>
      )}
    </form>
  );
}
