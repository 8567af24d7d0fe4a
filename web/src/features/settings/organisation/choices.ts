const EXCLUDED_REGIONS = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB']);

let countries: { value: string; label: string }[] | null = null;

/** ISO 3166 alpha-2 regions the browser can name, by name. */
export function countryOptions() {
  if (countries) return countries;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const result: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (EXCLUDED_REGIONS.has(code)) continue;
      const name = names.of(code);
      if (name && name !== code) result.push({ value: code, label: `${name} (${code})` });
    }
  }
  countries = result.sort((x, y) => x.label.localeCompare(y.label));
  return countries;
}

export function timeZoneOptions(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

export function currencyOptions(current: string) {
  const codes = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  const names = new Intl.DisplayNames(['en'], { type: 'currency' });
  const all = codes.includes(current) ? codes : [current, ...codes];
  return all.map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
}
