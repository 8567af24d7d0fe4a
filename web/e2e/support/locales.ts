/**
 * What the UI should show, written out independently of the app's own formatting code: Dutch dates as
 * "4 dec. 2026 15:46" and amounts as "€ 41,00"; English (en-GB) as "4 Dec 2026, 15:46" and "€41.00".
 */
const DUTCH_MONTHS = ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

function wallClock(iso: string, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { day: Number(part('day')), month: Number(part('month')), year: part('year'), hour: part('hour'), minute: part('minute') };
}

export function dutchDateTime(iso: string, timeZone: string): string {
  const t = wallClock(iso, timeZone);
  return `${t.day} ${DUTCH_MONTHS[t.month - 1]} ${t.year} ${t.hour}:${t.minute}`;
}

export function englishDateTime(iso: string, timeZone: string): string {
  const t = wallClock(iso, timeZone);
  return `${t.day} ${ENGLISH_MONTHS[t.month - 1]} ${t.year}, ${t.hour}:${t.minute}`;
}

function grouped(units: number, separator: string) {
  return String(units).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Minor units of euros as Dutch money: 4100 → "€ 41,00" (a no-break space after the sign). */
export function dutchMoney(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `€\u00a0${sign}${grouped(Math.floor(abs / 100), '.')},${String(abs % 100).padStart(2, '0')}`;
}

export function englishMoney(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}€${grouped(Math.floor(abs / 100), ',')}.${String(abs % 100).padStart(2, '0')}`;
}

/** A Dutch date with a time, as a pattern: "4 dec. 2026 15:46". */
export const DUTCH_DATE_TIME = /\b\d{1,2} (jan\.|feb\.|mrt\.|apr\.|mei|jun\.|jul\.|aug\.|sep\.|okt\.|nov\.|dec\.) \d{4} \d{2}:\d{2}/;
/** A Dutch amount: "€ 1.234,50". */
export const DUTCH_MONEY = /€\s-?\d{1,3}(\.\d{3})*,\d{2}/;
