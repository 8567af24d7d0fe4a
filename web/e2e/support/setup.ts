import type { Api } from './api';

export interface TicketTypeRecord {
  id: number;
  event_id: number;
  name: string;
  price: number;
  fee: number;
  capacity: number;
  issued: number;
  available: number;
  personalisation_fields: { key: string; label: string; kind: string; required: boolean; options: string[] }[];
}

export interface EventRecord {
  id: number;
  name: string;
  venue: string | null;
  starts_at: string;
  ends_at: string;
  archived: boolean;
  ticket_types: TicketTypeRecord[];
}

/** A unique suffix, so that names made by one run never meet those of another. */
export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/** An event of its own for a test, a year from now, with the given ticket types. */
export async function createEvent(
  api: Api,
  name: string,
  types: { name: string; price: number; capacity: number; fee?: number; personalisation_fields?: unknown[] }[],
): Promise<EventRecord> {
  const year = new Date().getUTCFullYear() + 1;
  const event = await api.send<EventRecord>('POST', '/api/v1/events', {
    name,
    venue: 'Test Hall',
    starts_at: `${year}-06-12T19:00:00`,
    ends_at: `${year}-06-12T23:00:00`,
  });
  for (const type of types) await api.send('POST', `/api/v1/events/${event.id}/ticket-types`, type);
  return api.get<EventRecord>(`/api/v1/events/${event.id}`);
}
