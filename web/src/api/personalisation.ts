import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { orderKeys, orderPath } from './orders';
import type { Personalisation, PersonalisationLink, PublicPersonalisation } from './types';

export interface TicketValues {
  ticket_id: number;
  values: Record<string, string | null>;
}

export function useOrderPersonalisationQuery(number: string, enabled = true) {
  return useQuery({
    queryKey: orderKeys.personalisation(number),
    queryFn: ({ signal }) => api<Personalisation>('GET', `${orderPath(number)}/personalisation`, { signal }),
    enabled,
  });
}

export function useSaveOrderPersonalisation(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ticket: TicketValues) =>
      api<Personalisation>('PUT', `${orderPath(number)}/personalisation`, { body: { tickets: [ticket] } }),
    onSuccess: (data) => queryClient.setQueryData(orderKeys.personalisation(number), data),
    onSettled: () => queryClient.invalidateQueries({ queryKey: orderKeys.all(number) }),
  });
}

export function useCreatePersonalisationLink(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sendEmail: boolean) =>
      api<PersonalisationLink>('POST', `${orderPath(number)}/personalisation-link`, {
        body: { send_email: sendEmail },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: orderKeys.all(number) }),
  });
}

const publicPath = (token: string) => `/api/v1/p/${encodeURIComponent(token)}`;

export function usePublicPersonalisationQuery(token: string) {
  return useQuery({
    queryKey: ['public-personalisation', token],
    queryFn: ({ signal }) =>
      api<PublicPersonalisation>('GET', publicPath(token), { signal, anonymous: true, skipAuthRedirect: true }),
    retry: false,
  });
}

export function useSavePublicPersonalisation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ticket: TicketValues) =>
      api<PublicPersonalisation>('PUT', publicPath(token), {
        body: { tickets: [ticket] },
        anonymous: true,
        skipAuthRedirect: true,
      }),
    onSuccess: (data) => queryClient.setQueryData(['public-personalisation', token], data),
  });
}
