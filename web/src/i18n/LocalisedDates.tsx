import type { ReactNode } from 'react';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
// The date pickers name months and weekdays through dayjs: one import per language of the list.
import 'dayjs/locale/en-gb';
import 'dayjs/locale/nl';
import { languageFor } from './languages';

/** Date pickers in the active language, weeks starting on Monday. */
export function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = languageFor(i18n.resolvedLanguage);
  return <DatesProvider settings={{ locale: language.dayjs, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
