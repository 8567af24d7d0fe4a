const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats an integer amount of minor units (8950 → "€89.50"). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const key = `${locale ?? ''}|${currency}`;
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

export function currencySymbol(currency: string, locale?: string): string {
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
  const key = `${locale ?? ''}|${timeZone ?? ''}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...DATE_OPTIONS[style], timeZone });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/** A calendar date (YYYY-MM-DD) with no time zone shift. */
export function formatCalendarDate(value: string | null | undefined, locale?: string): string {
  if (!value) return '—';
  const [y, m, d] = value.split('-').map(Number);
  if (!y || !m || !d) return value;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function formatCountry(code: string | null | undefined, locale = 'en'): string {
  if (!code) return '—';
  try {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    return `${names.of(code.toUpperCase()) ?? code} (${code.toUpperCase()})`;
  } catch {
    return code;
  }
}

export function formatLanguage(code: string | null | undefined, locale = 'en'): string {
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

const PAYMENT_METHOD_LABELS: Record<string, string> = {
  card: 'Card',
  ideal: 'iDEAL',
  bancontact: 'Bancontact',
  paypal: 'PayPal',
  bank_transfer: 'Bank transfer',
  cash: 'Cash',
  invoice: 'Invoice',
  free: 'Free',
};

export function paymentMethodLabel(method: string | null | undefined): string {
  if (!method) return '—';
  return PAYMENT_METHOD_LABELS[method] ?? humanize(method);
}

export const PAYMENT_METHODS = Object.keys(PAYMENT_METHOD_LABELS);
