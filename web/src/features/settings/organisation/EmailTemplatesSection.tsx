import { useState } from 'react';
import { Badge, Card, Group, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import type { EmailKind, Organisation } from '../../../api/organisation';
import { EmailTemplateEditor } from './EmailTemplateEditor';
import { languageOptions } from './choices';
import { useTranslation } from 'react-i18next';

/** The e-mails; each is named by `labels.emailKind.<kind>` and explained by `organisation.email.about.<kind>`. */
const KINDS: EmailKind[] = ['tickets', 'cancellation', 'refund', 'personalisation_link', 'order_changed'];

export function EmailTemplatesSection({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(organisation.default_language);
  const language = organisation.email_templates[chosen] ? chosen : organisation.default_language;
  const templates = organisation.email_templates[language];
  return (
    <Stack gap="sm" component="section" aria-label={t('organisation.email.title')}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={2} size="h4">
            {t('organisation.email.title')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('organisation.email.description')}
          </Text>
        </div>
        {organisation.languages.length > 1 && (
          <SegmentedControl
            aria-label={t('organisation.email.language')}
            data={languageOptions(organisation.languages)}
            value={language}
            onChange={setChosen}
          />
        )}
      </Group>
      <Card padding={0}>
        <Tabs defaultValue="tickets" keepMounted={false}>
          <Tabs.List px="md" pt="xs">
            {KINDS.map((kind) => (
              <Tabs.Tab key={kind} value={kind}>
                <Group gap={6} wrap="nowrap">
                  {t(`labels.emailKind.${kind}`)}
                  {templates?.[kind]?.customised && (
                    <Badge size="xs" variant="light">
                      {t('organisation.email.custom')}
                    </Badge>
                  )}
                </Group>
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {KINDS.map((kind) => (
            <Tabs.Panel key={kind} value={kind} p="lg">
              <Text size="sm" c="dimmed" mb="md">
                {t(`organisation.email.about.${kind}`)}
              </Text>
              {templates?.[kind] && (
                <EmailTemplateEditor key={language} kind={kind} language={language} template={templates[kind]} />
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Card>
    </Stack>
  );
}
