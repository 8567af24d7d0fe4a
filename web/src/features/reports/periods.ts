import { toWallClock } from '../../lib/zonedTime';
import { formatPeriod } from '../../lib/format';
import type { Period } from '../../api/reports';

export type Preset = 'this_month' | 'last_month' | 'this_year' | 'custom';

/** The presets; each is named by `reports.period.<value>`. */
export const PRESETS: { value: Preset }[] = [
  { value: 'this_month' },
  { value: 'last_month' },
  { value: 'this_year' },
  { value: 'custom' },
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

/** "1 – 27 Nov 2026", in the person's language. */
export function periodLabel(period: Period): string {
  return formatPeriod(period.from, period.to);
}
