import { Select } from '@mantine/core';
import type { ChangeOptionEvent, ChangeOptionType } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
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
  const { t } = useTranslation();
  const { money, date } = useSession();

  const describe = (type: ChangeOptionType) =>
    [
      type.name,
      type.fee > 0 ? t('changes.plusFee', { price: money(type.price), fee: money(type.fee) }) : money(type.price),
      type.available > 0
        ? t('changes.typeSelect.left', { count: type.available, formatted: formatNumber(type.available) })
        : t('changes.typeSelect.soldOut'),
    ].join(' · ');

  const data = (events ?? []).map((event) => ({
    group: event.current
      ? t('changes.typeSelect.thisOrder', { event: `${event.name} · ${date(event.starts_at, 'date')}` })
      : `${event.name} · ${date(event.starts_at, 'date')}`,
    items: event.ticket_types
      .filter((type) => type.id !== exclude)
      .map((type) => ({ value: String(type.id), label: describe(type), disabled: type.available <= 0 })),
  })).filter((group) => group.items.length > 0);

  return (
    <Select
      label={label}
      placeholder={loading ? t('changes.typeSelect.loading') : t('changes.typeSelect.placeholder')}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next === null ? null : Number(next))}
      error={error}
      disabled={loading}
      searchable
      nothingFoundMessage={t('changes.typeSelect.nothingFound')}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true, width: 'max-content', position: 'bottom-start' }}
    />
  );
}
