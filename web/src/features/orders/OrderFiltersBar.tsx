import { useEffect, useState } from 'react';
import { Button, CloseButton, Group, Select, TextInput } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendar, IconSearch } from '../../components/icons';
import dayjs from 'dayjs';
import { useEventNamesQuery, type OrderFilters } from '../../api/orders';
import { PAYMENT_METHODS, paymentMethodLabel } from '../../lib/format';
import { codeLabel } from '../../lib/labels';
import { useTranslation } from 'react-i18next';


const STATUSES = ['pending', 'paid', 'partially_refunded', 'refunded', 'cancelled'];

function parseDay(value: string | undefined): Date | null {
  return value ? dayjs(value, 'YYYY-MM-DD').toDate() : null;
}

export function OrderFiltersBar({ filters, onChange, onClear, active, seenEvents }: {
  filters: OrderFilters;
  /** Events of the loaded orders, offered when the event list cannot be loaded. */
  seenEvents: { id: number; name: string }[];
  onChange: (changes: Partial<OrderFilters>) => void;
  onClear: () => void;
  active: number;
}) {
  const { t } = useTranslation();
  const statusOptions = STATUSES.map((value) => ({ value, label: codeLabel('orderStatus', value) }));
  const methodOptions = PAYMENT_METHODS.map((value) => ({ value, label: paymentMethodLabel(value) }));
  const events = useEventNamesQuery();
  const [search, setSearch] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(search, 300);

  useEffect(() => {
    if ((filters.q ?? '') !== debounced.trim()) onChange({ q: debounced.trim() || undefined });
  }, [debounced]);

  useEffect(() => {
    if ((filters.q ?? '') !== search.trim() && (filters.q ?? '') !== debounced.trim()) setSearch(filters.q ?? '');
  }, [filters.q]);

  const eventOptions = (events.data?.items ?? seenEvents).map((event) => ({ value: String(event.id), label: event.name }));
  const [range, setRange] = useState<DatesRangeValue>(() => [parseDay(filters.from), parseDay(filters.to)]);
  useEffect(() => {
    setRange([parseDay(filters.from), parseDay(filters.to)]);
  }, [filters.from, filters.to]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        aria-label={t('orders.filters.search')}
        placeholder={t('orders.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        rightSection={search ? <CloseButton size="sm" aria-label={t('orders.filters.clearSearch')} onClick={() => setSearch('')} /> : null}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange({ q: search.trim() || undefined });
        }}
        style={{ flex: '1 1 340px' }}
        type="search"
      />
      <Select
        aria-label={t('orders.filters.status')}
        placeholder={t('orders.filters.anyStatus')}
        data={statusOptions}
        value={filters.status ?? null}
        onChange={(value) => onChange({ status: value ?? undefined })}
        clearable
        w={{ base: 'calc(50% - 6px)', sm: 170 }}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        aria-label={t('orders.filters.event')}
        placeholder={t('orders.filters.anyEvent')}
        data={eventOptions}
        value={filters.event_id ?? null}
        onChange={(value) => onChange({ event_id: value ?? undefined })}
        clearable
        searchable
        nothingFoundMessage={t('orders.filters.noEvent')}
        w={{ base: 'calc(50% - 6px)', sm: 220 }}
      />
      <Select
        aria-label={t('orders.filters.paymentMethod')}
        placeholder={t('orders.filters.anyPaymentMethod')}
        data={methodOptions}
        value={filters.payment_method ?? null}
        onChange={(value) => onChange({ payment_method: value ?? undefined })}
        clearable
        w={{ base: 'calc(50% - 6px)', sm: 190 }}
      />
      <DatePickerInput
        type="range"
        aria-label={t('orders.filters.date')}
        placeholder={t('orders.filters.anyDate')}
        leftSection={<IconCalendar size={16} />}
        value={range}
        onChange={(next) => {
          setRange(next);
          const [from, to] = next;
          if (from && !to) return;
          onChange({
            from: from ? dayjs(from).format('YYYY-MM-DD') : undefined,
            to: to ? dayjs(to).format('YYYY-MM-DD') : undefined,
          });
        }}
        clearable
        allowSingleDateInRange
        valueFormat="D MMM YYYY" // i18n-ignore: a dayjs format
        w={{ base: 'calc(50% - 6px)', sm: 240 }}
      />
      {(active > 0 || filters.q) && (
        <Button variant="subtle" color="gray" onClick={() => { setSearch(''); onClear(); }}>
          {t('orders.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
