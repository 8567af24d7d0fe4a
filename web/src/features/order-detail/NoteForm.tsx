import { useState, type FormEvent } from 'react';
import { Button, Group, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useAddNote } from '../../api/orderActions';
import { errorMessage } from '../../api/errors';

export function NoteForm({ number }: { number: string }) {
  const [text, setText] = useState('');
  const addNote = useAddNote(number);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    try {
      await addNote.mutateAsync(text.trim());
      setText('');
      notifications.show({ color: 'green', message: 'Note added' });
    } catch (cause) {
      notifications.show({ color: 'red', title: 'Note not added', message: errorMessage(cause) });
    }
  }

  return (
    <form onSubmit={submit} aria-label="Add a note">
      <Textarea
        aria-label="Internal note"
        placeholder="Add an internal note for colleagues…"
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
            Add note
          </Button>
        </Group>
      )}
    </form>
  );
}
