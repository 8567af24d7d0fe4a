import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources';
import { DEFAULT_LANGUAGE, LANGUAGES, browserLanguage, isLanguageCode, languageFor, type LanguageCode } from './languages';

const STORAGE_KEY = 'boxoffice.language';

/** The language last chosen in this browser, or null when the person never chose one here. */
export function storedLanguage(): LanguageCode | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguageCode(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLanguage(code: LanguageCode | null) {
  try {
    if (code) window.localStorage.setItem(STORAGE_KEY, code);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage may be unavailable (private mode); the language still applies to this page
  }
}

/** The customer's page follows the customer, never a choice stored by staff in this browser. */
function initialLanguage(): LanguageCode {
  if (window.location.pathname.startsWith('/p/')) return browserLanguage();
  return storedLanguage() ?? browserLanguage();
}

function showLanguage(code: string) {
  document.documentElement.lang = languageFor(code).code;
}

i18n.on('languageChanged', showLanguage);

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES.map((language) => language.code),
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
showLanguage(i18n.language);

export function activeLanguage(): LanguageCode {
  const code = i18n.resolvedLanguage ?? i18n.language;
  return isLanguageCode(code) ? code : DEFAULT_LANGUAGE;
}

/** Shows the UI in this language without remembering it. */
export function applyLanguage(code: LanguageCode) {
  if (activeLanguage() !== code) void i18n.changeLanguage(code);
}

export { i18n };
