import { i18n, activeLanguage } from '../i18n';
import { languageFor, type Language } from '../i18n/languages';

// Every date, time, amount and number on screen is formatted here, in the active language's locale
// (English as en-GB: day first, 24-hour clock), and times in the organisation's time zone.

const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function language(): Language {
  return languageFor(activeLanguage());
}

/** The Intl locale of the language the UI is shown in. */
export function activeLocale(): string {
  return language().locale;
}

function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats an integer amount of minor units (8950 → "€89.50", in Dutch "€ 89,50"). */
export function formatMoney(minor: number, currency: string, locale = activeLocale()): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(minor / 10 ** minorUnitDigits(currency));
}

/** Minor units → the decimal number shown in an amount input. */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** minorUnitDigits(currency);
}

/** A decimal amount typed by a person → integer minor units, without float drift. */
export function toMinor(major: number | string, currency: string): number {
  const digits = minorUnitDigits(currency);
  const value = typeof major === 'number' ? major : Number(String(major).replace(',', '.'));
  if (!Number.isFinite(value)) return NaN;
  return Math.round(value * 10 ** digits);
}

export function currencyDigits(currency: string): number {
  return minorUnitDigits(currency);
}

export function currencySymbol(currency: string, locale = activeLocale()): string {
  const part = new Intl.NumberFormat(locale, { style: 'currency', currency })
    .formatToParts(0)
    .find((p) => p.type === 'currency');
  return part?.value ?? currency;
}

type DateStyle = 'date' | 'datetime' | 'time' | 'short';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  datetime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit' },
  short: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
};

function dateFormat(locale: string, timeZone: string | undefined, style: DateStyle | 'month'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options = style === 'month' ? { month: 'long' as const } : DATE_OPTIONS[style];
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * Intl's parts, with the language's own conventions where its list asks for them: a full stop after an
 * abbreviated month ("4 dec. 2026") and its separator between date and time ("4 dec. 2026 15:46").
 */
function formatParts(date: Date, timeZone: string | undefined, style: DateStyle, lang: Language): string {
  const format = dateFormat(lang.locale, timeZone, style);
  if (!lang.monthAbbreviationDot && lang.dateTimeSeparator === undefined) return format.format(date);
  const parts = format.formatToParts(date);
  return parts
    .map((part, index) => {
      if (part.type === 'month' && lang.monthAbbreviationDot) {
        const full = dateFormat(lang.locale, timeZone, 'month').format(date);
        return part.value !== full && !part.value.endsWith('.') ? `${part.value}.` : part.value;
      }
      if (part.type === 'literal' && lang.dateTimeSeparator !== undefined && parts[index + 1]?.type === 'hour') {
        const before = parts.slice(0, index);
        if (before.some((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')) return lang.dateTimeSeparator;
      }
      return part.value;
    })
    .join('');
}

/** Formats an ISO UTC time in the given IANA time zone. */
export function formatDate(
  iso: string | null | undefined,
  timeZone: string | undefined,
  style: DateStyle = 'datetime',
  locale?: string,
): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const lang = locale ? { code: locale, name: locale, locale, dayjs: locale } : language();
  return formatParts(date, timeZone, style, lang);
}

/** A calendar date (YYYY-MM-DD) with no time zone shift. */
export function formatCalendarDate(value: string | null | undefined): string {
  if (!value) return '—';
  const [y, m, d] = value.split('-').map(Number);
  if (!y || !m || !d) return value;
  return formatParts(new Date(Date.UTC(y, m - 1, d)), 'UTC', 'date', language());
}

/** A plain number (1234.5 → "1,234.5", in Dutch "1.234,5"). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const locale = activeLocale();
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A share from 0 to 1 as a percentage ("12%", in Dutch "12%"). */
export function formatPercent(share: number, maximumFractionDigits = 0): string {
  return formatNumber(share, { style: 'percent', maximumFractionDigits });
}

/** A file size: "512 bytes", "1.5 KB", "12 MB" (in Dutch "1,5 KB"). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return i18n.t('common.bytes', { count: bytes, formatted: formatNumber(bytes) });
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}

export function formatCountry(code: string | null | undefined, locale = activeLanguage()): string {
  if (!code) return '—';
  try {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    return `${names.of(code.toUpperCase()) ?? code} (${code.toUpperCase()})`;
  } catch {
    return code;
  }
}

export function formatLanguage(code: string | null | undefined, locale = activeLanguage()): string {
  if (!code) return '—';
  try {
    const names = new Intl.DisplayNames([locale], { type: 'language' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function fullName(first: string | null | undefined, last: string | null | undefined): string {
  return [first, last].filter(Boolean).join(' ');
}

export function maskBarcode(barcode: string): string {
  return barcode.length <= 4 ? barcode : `•••• ${barcode.slice(-4)}`;
}

export function humanize(code: string): string {
  const text = code.replace(/[_.-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const PAYMENT_METHODS = ['card', 'ideal', 'bancontact', 'paypal', 'bank_transfer', 'cash', 'invoice', 'free'];

export function paymentMethodLabel(method: string | null | undefined): string {
  if (!method) return '—';
  return i18n.t(`labels.paymentMethod.${method}`, { defaultValue: humanize(method) });
}

/**
 * Props of an amount input in the active locale: its decimal and thousands separators and the currency
 * symbol before the number ("€ 1,234.50", in Dutch "€ 1.234,50").
 */
export function amountInputFormat(currency: string): {
  decimalSeparator: string;
  thousandSeparator: string;
  prefix: string;
  placeholder: string;
} {
  const parts = new Intl.NumberFormat(activeLocale()).formatToParts(1234.5);
  const decimalSeparator = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const thousandSeparator = parts.find((part) => part.type === 'group')?.value ?? ',';
  const prefix = `${currencySymbol(currency)} `;
  const digits = minorUnitDigits(currency);
  const zero = digits > 0 ? `0${decimalSeparator}${'0'.repeat(digits)}` : '0';
  return { decimalSeparator, thousandSeparator, prefix, placeholder: `${prefix}${zero}` };
}

type DayStyle = 'day' | 'dayMonth' | 'date' | 'weekdayDate';

const DAY_OPTIONS: Record<DayStyle, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric' },
  dayMonth: { day: 'numeric', month: 'short' },
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  weekdayDate: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
};

/** A day of a report (YYYY-MM-DD, already in the organisation's zone): "4 Dec", "Fri 4 Dec 2026". */
export function formatDay(value: string, style: DayStyle = 'date'): string {
  const [y, m, d] = value.split('-').map(Number);
  if (!y || !m || !d) return value;
  const lang = language();
  const key = `${lang.locale}|day|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang.locale, { ...DAY_OPTIONS[style], timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!lang.monthAbbreviationDot || style === 'day') return format.format(date);
  const full = dateFormat(lang.locale, 'UTC', 'month').format(date);
  return format
    .formatToParts(date)
    .map((part) => (part.type === 'month' && part.value !== full && !part.value.endsWith('.') ? `${part.value}.` : part.value))
    .join('');
}

/** A period of days: "1 – 27 Nov 2026", "28 Nov – 3 Dec 2026", "4 Dec 2026". */
export function formatPeriod(from: string, to: string): string {
  if (from === to) return formatDay(from);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  const sameMonth = sameYear && from.slice(5, 7) === to.slice(5, 7);
  return `${formatDay(from, sameMonth ? 'day' : sameYear ? 'dayMonth' : 'date')} – ${formatDay(to)}`;
}

/** A chart axis amount in major units: "€1.2K", in Dutch "€ 1,2K". */
export function formatCompactMoney(major: number, currency: string): string {
  return formatNumber(major, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
}

const displayNames = new Map<string, Intl.DisplayNames>();

function namesOf(type: 'region' | 'currency', fallback: 'code' | 'none'): Intl.DisplayNames {
  const locale = activeLocale();
  const key = `${locale}|${type}|${fallback}`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type, fallback });
    displayNames.set(key, names);
  }
  return names;
}

/** A region's name in the active language, or null when Intl does not know the code. */
export function regionName(code: string): string | null {
  const name = namesOf('region', 'none').of(code);
  return name && name !== code ? name : null;
}

/** A currency's name in the active language ("Euro", in Dutch "Euro"). */
export function currencyName(code: string): string {
  return namesOf('currency', 'code').of(code) ?? code;
}
