import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { isApiError } from './errors';
import { orderKeys, orderPath } from './orders';
import { useOrderMutation } from './orderActions';
import type { ChangeOperation, ChangeOptions, ChangeResult, OrderDetail, SettleMethod } from './types';

/** Events and ticket types an order's tickets can change to, with the capacity left. */
export function useChangeOptionsQuery(number: string, enabled: boolean) {
  return useQuery({
    queryKey: orderKeys.changeOptions(number),
    queryFn: ({ signal }) => api<ChangeOptions>('GET', `${orderPath(number)}/change-options`, { signal }),
    enabled,
  });
}

export interface ChangeDraftRequest {
  expected_version: number;
  operations: ChangeOperation[];
}

/** What a change would do. Nothing is written; only a stale order loads again. */
export function usePreviewChange(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeDraftRequest) =>
      api<ChangeResult>('POST', `${orderPath(number)}/changes`, { body: { ...body, preview: true } }),
    onError: async (error) => {
      if (isApiError(error, 'order_changed')) await queryClient.invalidateQueries({ queryKey: orderKeys.all(number) });
    },
  });
}

export interface ConfirmChangeRequest extends ChangeDraftRequest {
  notify_customer: boolean;
  idempotencyKey: string;
}

export function useConfirmChange(number: string) {
  return useOrderMutation(number, ({ idempotencyKey, ...body }: ConfirmChangeRequest) =>
    api<ChangeResult>('POST', `${orderPath(number)}/changes`, {
      body: { ...body, preview: false },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  );
}

export interface RecordPaymentRequest {
  expected_version: number;
  amount: number;
  method: SettleMethod;
  reference?: string;
}

/** Records that the customer paid (part of) the open amount. */
export function useRecordPayment(number: string) {
  return useOrderMutation(number, (body: RecordPaymentRequest) =>
    api<OrderDetail>('POST', `${orderPath(number)}/payments`, { body }),
  );
}

export function useWaiveDue(number: string) {
  return useOrderMutation(number, (body: { expected_version: number; reason: string }) =>
    api<OrderDetail>('POST', `${orderPath(number)}/waive`, { body }),
  );
}
