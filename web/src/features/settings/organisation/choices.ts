import { activeLocale, currencyName, regionName } from '../../../lib/format';

const EXCLUDED_REGIONS = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB']);

const countries = new Map<string, { value: string; label: string }[]>();

/** ISO 3166 alpha-2 regions the browser can name, by name in the active language. */
export function countryOptions() {
  const locale = activeLocale();
  const cached = countries.get(locale);
  if (cached) return cached;
  const result: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (EXCLUDED_REGIONS.has(code)) continue;
      const name = regionName(code);
      if (name) result.push({ value: code, label: `${name} (${code})` });
    }
  }
  result.sort((x, y) => x.label.localeCompare(y.label, locale));
  countries.set(locale, result);
  return result;
}

export function timeZoneOptions(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

export function currencyOptions(current: string) {
  const codes = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  const all = codes.includes(current) ? codes : [current, ...codes];
  return all.map((code) => ({ value: code, label: `${code} · ${currencyName(code)}` }));
}

/** Languages by their own name ("English", "Nederlands"), as a customer would recognise them. */
export function languageOptions(codes: string[]) {
  return codes.map((code) => ({ value: code, label: ownName(code) }));
}

function ownName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}
