import { useLayoutEffect } from 'react';
import { applyLanguage } from '../../i18n';
import { browserLanguage, isLanguageCode } from '../../i18n/languages';

/**
 * The customer's page speaks the customer's language as the server knows it, else the browser's; never a
 * language chosen by staff in this browser (nothing is remembered here).
 */
export function useCustomerLanguage(language: string | null | undefined) {
  useLayoutEffect(() => {
    applyLanguage(isLanguageCode(language) ? language : browserLanguage());
  }, [language]);
}
