import { Card, Group, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useOrderEmailsQuery } from '../../api/orders';
import { ErrorState } from '../../components/ErrorState';
import { isApiError } from '../../api/errors';
import { StatusBadge } from '../../components/StatusBadge';
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../../lib/labels';
import { useSession } from '../auth/SessionContext';

export function EmailLogCard({ number }: { number: string }) {
  const { t } = useTranslation();
  const emails = useOrderEmailsQuery(number);
  const { date } = useSession();

  return (
    <Card component="section" aria-labelledby="emails-title">
      <Title order={2} size="h4" id="emails-title" mb="sm">
        {t('order.emails.title')}
      </Title>
      {emails.isPending ? (
        <Stack gap="xs">
          <Skeleton height={32} />
          <Skeleton height={32} />
        </Stack>
      ) : emails.isError && !(isApiError(emails.error) && emails.error.status === 404) ? (
        <ErrorState error={emails.error} onRetry={() => emails.refetch()} title={t('order.emails.couldNotLoad')} />
      ) : !emails.data || emails.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('order.emails.none')}
        </Text>
      ) : (
        <Stack gap="sm" aria-label={t('order.emails.log')} data-testid="email-log">
          {emails.data.items.map((mail) => (
            <div key={mail.id} data-email-id={mail.id}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fw={500} truncate>
                  {mail.subject || codeLabel('emailKind', mail.kind)}
                </Text>
                {mail.last_error ? (
                  <Tooltip label={mail.last_error}>
                    <StatusBadge status={mail.status} kind="email" size="sm" />
                  </Tooltip>
                ) : (
                  <StatusBadge status={mail.status} kind="email" size="sm" />
                )}
              </Group>
              <Text size="xs" c="dimmed" truncate>
                {codeLabel('emailKind', mail.kind)} · {t('order.emails.to', { to: mail.to })} ·{' '}
                {date(mail.sent_at ?? mail.created_at, 'short')}
                {mail.attempts > 1 ? ` · ${t('order.emails.attempts', { count: mail.attempts })}` : ''}
              </Text>
              {mail.status === 'failed' && mail.last_error && (
                <Text size="xs" c="red">
                  {mail.last_error}
                </Text>
              )}
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
