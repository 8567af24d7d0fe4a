import { toWallClock } from '../../lib/zonedTime';
import type { Period } from '../../api/reports';

export type Preset = 'this_month' | 'last_month' | 'this_year' | 'custom';

export const PRESETS: { value: Preset; label: string }[] = [
  { value: 'this_month', label: 'This month' },
  { value: 'last_month', label: 'Last month' },
  { value: 'this_year', label: 'This year' },
  { value: 'custom', label: 'Custom' },
];

const pad = (n: number) => String(n).padStart(2, '0');

/** Today's date (YYYY-MM-DD) in the organisation's time zone. */
export function todayIn(timeZone: string): string {
  return toWallClock(new Date().toISOString(), timeZone).slice(0, 10);
}

export function presetPeriod(preset: Exclude<Preset, 'custom'>, timeZone: string): Period {
  const today = todayIn(timeZone);
  const [y, m] = today.split('-').map(Number) as [number, number];
  if (preset === 'this_month') return { from: `${y}-${pad(m)}-01`, to: today };
  if (preset === 'this_year') return { from: `${y}-01-01`, to: today };
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay)}` };
}

/** "1 – 27 Nov 2026" */
export function periodLabel(period: Period): string {
  const format = (value: string, options: Intl.DateTimeFormatOptions) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  };
  const full: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
  if (period.from === period.to) return format(period.from, full);
  const sameYear = period.from.slice(0, 4) === period.to.slice(0, 4);
  const sameMonth = sameYear && period.from.slice(5, 7) === period.to.slice(5, 7);
  const start = format(period.from, sameMonth ? { day: 'numeric' } : sameYear ? { day: 'numeric', month: 'short' } : full);
  return `${start} – ${format(period.to, full)}`;
}
