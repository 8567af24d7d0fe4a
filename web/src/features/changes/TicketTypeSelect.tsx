import { Select } from '@mantine/core';
import type { ChangeOptionEvent, ChangeOptionType } from '../../api/types';
import { useSession } from '../auth/SessionContext';

/**
 * The ticket types of every event an order can change to, the order's own event first.
 * A sold-out type stays listed but cannot be chosen.
 */
export function TicketTypeSelect({ events, value, onChange, exclude, label, error, loading }: {
  events: ChangeOptionEvent[] | undefined;
  value: number | null;
  onChange: (ticketTypeId: number | null) => void;
  /** The ticket's own type, which a swap cannot choose. */
  exclude?: number;
  label: string;
  error?: string;
  loading?: boolean;
}) {
  const { money, date } = useSession();

  const describe = (type: ChangeOptionType) =>
    [
      type.name,
      type.fee > 0 ? `${money(type.price)} + ${money(type.fee)} fee` : money(type.price),
      type.available > 0 ? `${type.available.toLocaleString('en')} left` : 'sold out',
    ].join(' · ');

  const data = (events ?? []).map((event) => ({
    group: `${event.name} · ${date(event.starts_at, 'date')}${event.current ? ' (this order)' : ''}`,
    items: event.ticket_types
      .filter((type) => type.id !== exclude)
      .map((type) => ({ value: String(type.id), label: describe(type), disabled: type.available <= 0 })),
  })).filter((group) => group.items.length > 0);

  return (
    <Select
      label={label}
      placeholder={loading ? 'Loading ticket types…' : 'Choose a ticket type'}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next === null ? null : Number(next))}
      error={error}
      disabled={loading}
      searchable
      nothingFoundMessage="No ticket type matches"
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true, width: 'max-content', position: 'bottom-start' }}
    />
  );
}
