import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { OrderFilters } from '../../api/orders';

const KEYS: (keyof OrderFilters)[] = ['q', 'status', 'event_id', 'payment_method', 'from', 'to'];

/** The list filters live in the URL so that a filtered list can be shared and reloaded. */
export function useOrderFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo(() => {
    const result: OrderFilters = {};
    for (const key of KEYS) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [params]);

  const update = useCallback(
    (changes: Partial<OrderFilters>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const active = KEYS.filter((key) => key !== 'q' && filters[key]).length;

  return { filters, update, clear, active };
}
