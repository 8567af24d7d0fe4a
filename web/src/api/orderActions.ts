import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { orderKeys, orderPath } from './orders';
import type { Contact, HistoryItem, OrderDetail, Refund } from './types';

/** A change to one order: afterwards its detail, history, e-mails and the order lists load again. */
export function useOrderMutation<TVariables, TResult>(
  number: string,
  run: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orderKeys.all(number) }),
        queryClient.invalidateQueries({ queryKey: orderKeys.lists() }),
      ]);
    },
  });
}

export function useUpdateContact(number: string) {
  return useOrderMutation(number, (changes: Partial<Contact> & { expected_version: number }) =>
    api<OrderDetail>('PATCH', `${orderPath(number)}/contact`, { body: changes }),
  );
}

export function useAddNote(number: string) {
  return useOrderMutation(number, (text: string) =>
    api<HistoryItem>('POST', `${orderPath(number)}/notes`, { body: { text } }),
  );
}

export function useResend(number: string) {
  return useOrderMutation(number, (email: string) =>
    api<{ email_id: number; status: string }>('POST', `${orderPath(number)}/resend`, { body: { email } }),
  );
}

export interface RefundRequest {
  expected_version: number;
  ticket_ids?: number[];
  amount?: number;
  reason: string;
  keep_tickets_valid?: boolean;
  idempotencyKey: string;
}

export function useRefund(number: string) {
  return useOrderMutation(number, ({ idempotencyKey, ...body }: RefundRequest) =>
    api<Refund>('POST', `${orderPath(number)}/refunds`, {
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  );
}

export interface CancelRequest {
  expected_version: number;
  refund_amount?: number;
  notify_customer: boolean;
}

export function useCancel(number: string) {
  return useOrderMutation(number, (body: CancelRequest) =>
    api<OrderDetail>('POST', `${orderPath(number)}/cancel`, { body }),
  );
}
