import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { PersonalisationField } from './types';

export interface EventRecord {
  id: number;
  name: string;
  venue: string | null;
  starts_at: string;
  ends_at: string | null;
  archived: boolean;
  order_count?: number;
  tickets_sold?: number;
  capacity?: number;
  ticket_type_count?: number;
}

export interface TicketType {
  id: number;
  event_id: number;
  name: string;
  price: number;
  fee: number;
  currency: string;
  capacity: number;
  issued: number;
  available: number;
  position: number;
  requires_personalisation: boolean;
  personalisation_fields: PersonalisationField[];
}

export interface EventDetail extends EventRecord {
  ticket_types: TicketType[];
}

export interface EventInput {
  name?: string;
  venue?: string;
  starts_at?: string;
  ends_at?: string;
  archived?: boolean;
}

export interface TicketTypeInput {
  name?: string;
  price?: number;
  fee?: number;
  capacity?: number;
  personalisation_fields?: PersonalisationField[];
}

export const eventKeys = {
  all: ['events'] as const,
  list: () => ['events', 'counted'] as const,
  detail: (id: number) => ['events', id] as const,
};

export function useEventListQuery() {
  return useQuery({
    queryKey: eventKeys.list(),
    queryFn: ({ signal }) => api<{ items: EventRecord[] }>('GET', '/api/v1/events', { signal }),
  });
}

export function useEventQuery(id: number) {
  return useQuery({
    queryKey: eventKeys.detail(id),
    queryFn: ({ signal }) => api<EventDetail>('GET', `/api/v1/events/${id}`, { signal }),
  });
}

function useEventsMutation<TVariables, TResult>(run: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

export function useCreateEvent() {
  return useEventsMutation((input: EventInput) => api<EventDetail>('POST', '/api/v1/events', { body: input }));
}

export function useUpdateEvent(id: number) {
  return useEventsMutation((input: EventInput) =>
    api<EventRecord>('PATCH', `/api/v1/events/${id}`, { body: input }),
  );
}

export function useDeleteEvent() {
  return useEventsMutation((id: number) => api<void>('DELETE', `/api/v1/events/${id}`));
}

export function useCreateTicketType(eventId: number) {
  return useEventsMutation((input: TicketTypeInput) =>
    api<TicketType>('POST', `/api/v1/events/${eventId}/ticket-types`, { body: input }),
  );
}

export function useUpdateTicketType() {
  return useEventsMutation(({ id, ...input }: TicketTypeInput & { id: number }) =>
    api<TicketType>('PATCH', `/api/v1/ticket-types/${id}`, { body: input }),
  );
}

export function useDeleteTicketType() {
  return useEventsMutation((id: number) => api<void>('DELETE', `/api/v1/ticket-types/${id}`));
}

export function useReorderTicketTypes(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) =>
      api<{ items: TicketType[] }>('POST', `/api/v1/events/${eventId}/ticket-types/order`, { body: { ids } }),
    onMutate: (ids) => {
      // Show the new order at once; the server's answer replaces it.
      const key = eventKeys.detail(eventId);
      const current = queryClient.getQueryData<EventDetail>(key);
      if (current) {
        const byId = new Map(current.ticket_types.map((type) => [type.id, type]));
        const ticket_types = ids.map((id) => byId.get(id)).filter((type): type is TicketType => Boolean(type));
        queryClient.setQueryData<EventDetail>(key, { ...current, ticket_types });
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}
