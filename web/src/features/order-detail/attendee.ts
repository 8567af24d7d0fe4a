import type { Ticket } from '../../api/types';

export function attendeeName(ticket: Pick<Ticket, 'attendee' | 'attendee_name'>): string | null {
  if (ticket.attendee_name) return ticket.attendee_name;
  const attendee = ticket.attendee ?? {};
  const name = attendee.name ?? [attendee.first_name, attendee.last_name].filter(Boolean).join(' ');
  return name || null;
}
