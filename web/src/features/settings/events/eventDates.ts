import { formatDate } from '../../../lib/format';

/** "12 Jun 2027, 10:00 – 21:00" on one day, else both dates, in the organisation's time zone. */
export function eventDates(startsAt: string, endsAt: string | null, timeZone: string): string {
  const start = formatDate(startsAt, timeZone, 'datetime');
  if (!endsAt) return start;
  const sameDay = formatDate(startsAt, timeZone, 'date') === formatDate(endsAt, timeZone, 'date');
  return `${start} – ${formatDate(endsAt, timeZone, sameDay ? 'time' : 'datetime')}`;
}
