/**
 * The languages of the web UI. Adding one: a folder `src/locales/<code>/` with the same message files as
 * `src/locales/en/`, and one line here. `locale` is what Intl formats dates, times, money and numbers with.
 */
export interface Language {
  code: string;
  /** The language's own name, shown in the language switch. */
  name: string;
  locale: string;
  /** The dayjs locale of the date pickers (imported in LocalisedDates.tsx). */
  dayjs: string;
  /** Dates and times: what stands between the date and the time (Intl's own when absent). */
  dateTimeSeparator?: string;
  /** Abbreviated month names end with a full stop ("dec."). */
  monthAbbreviationDot?: boolean;
}

export const LANGUAGES = [
  { code: 'en', name: 'English', locale: 'en-GB', dayjs: 'en-gb' },
  { code: 'nl', name: 'Nederlands', locale: 'nl-NL', dayjs: 'nl', dateTimeSeparator: ' ', monthAbbreviationDot: true },
] as const satisfies readonly Language[];

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const DEFAULT_LANGUAGE: LanguageCode = 'en';

export function isLanguageCode(value: unknown): value is LanguageCode {
  return LANGUAGES.some((language) => language.code === value);
}

export function languageFor(code: string | null | undefined): Language {
  return LANGUAGES.find((language) => language.code === code) ?? LANGUAGES[0];
}

/** The first of the browser's languages that the UI has (`nl-BE` → `nl`), otherwise English. */
export function browserLanguage(): LanguageCode {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  for (const tag of preferred) {
    const code = tag?.toLowerCase().split('-')[0];
    if (isLanguageCode(code)) return code;
  }
  return DEFAULT_LANGUAGE;
}
