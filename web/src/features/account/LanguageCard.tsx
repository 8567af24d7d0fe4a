import { Card, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types';
import { ActionError } from '../actions/ActionError';
import { LANGUAGES, browserLanguage, isLanguageCode, languageFor } from '../../i18n/languages';
import { useLanguageChoice } from './useLanguageChoice';

const BROWSER = 'browser';

/** The account's UI language: one of the list, or whatever the browser asks for. */
export function LanguageCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const language = useLanguageChoice(me);
  const options = [
    { value: BROWSER, label: t('account.language.browser', { language: languageFor(browserLanguage()).name }) },
    ...LANGUAGES.map((option) => ({ value: option.code, label: option.name })),
  ];
  return (
    <Card>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="language-title">
            {t('account.language.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('account.language.description')}
          </Text>
        </div>
        <SegmentedControl
          aria-labelledby="language-title"
          data={options}
          value={language.chosen ?? BROWSER}
          disabled={language.saving}
          onChange={(value) => {
            language.choose(isLanguageCode(value) ? value : null).catch(() => undefined);
          }}
          fullWidth
        />
        <ActionError error={language.error} />
      </Stack>
    </Card>
  );
}
