import type { Ticket } from '../../api/types';

export function attendeeName(ticket: Pick<Ticket, 'attendee'>): string | null {
  const attendee = ticket.attendee ?? {};
  const name = attendee.name ?? [attendee.first_name, attendee.last_name].filter(Boolean).join(' ');
  return name || null;
}
