import { useState } from 'react';
import { Button, Card, CopyButton, Group, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconLink, IconMail } from '../../components/icons';
import type { PersonalisationLink } from '../../api/types';
import { useCreatePersonalisationLink } from '../../api/personalisation';
import { errorMessage } from '../../api/errors';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/SessionContext';

export function CustomerLinkPanel({ number, email }: { number: string; email: string | null }) {
  const { t } = useTranslation();
  const create = useCreatePersonalisationLink(number);
  const [link, setLink] = useState<PersonalisationLink | null>(null);
  const { date } = useSession();

  async function make(sendEmail: boolean) {
    try {
      const result = await create.mutateAsync(sendEmail);
      setLink(result);
      notifications.show({
        color: 'green',
        title: sendEmail ? t('personalisation.link.emailed') : t('personalisation.link.created'),
        message: sendEmail ? t('personalisation.link.emailedText', { email }) : t('personalisation.link.createdText'),
      });
    } catch (cause) {
      notifications.show({ color: 'red', title: t('personalisation.link.notCreated'), message: errorMessage(cause) });
    }
  }

  const absolute = link ? new URL(link.url, window.location.origin).toString() : '';

  return (
    <Card component="section" aria-labelledby="customer-link-title">
      <Title order={2} size="h4" id="customer-link-title">
        {t('personalisation.link.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="md">
        {t('personalisation.link.description')}
      </Text>
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconLink size={16} />}
          onClick={() => make(false)}
          loading={create.isPending && create.variables === false}
        >
          {t('personalisation.link.create')}
        </Button>
        <Button
          variant="light"
          leftSection={<IconMail size={16} />}
          onClick={() => make(true)}
          loading={create.isPending && create.variables === true}
          disabled={!email}
        >
          {t('personalisation.link.email')}
        </Button>
      </Group>
      {link && (
        <>
          <Group gap="xs" mt="md" wrap="nowrap" align="flex-end">
            <TextInput label={t('personalisation.link.label')} value={absolute} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
            <CopyButton value={absolute}>
              {({ copied, copy }) => (
                <Button onClick={copy} variant={copied ? 'light' : 'filled'} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}>
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {t('personalisation.link.validUntil', { date: date(link.expires_at) })}
          </Text>
        </>
      )}
    </Card>
  );
}
