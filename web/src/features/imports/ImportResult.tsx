import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { IconCircleCheck } from '../../components/icons';
import type { ImportJob } from '../../api/imports';
import { ImportFigures } from './ImportPreview';
import { formatNumber } from '../../lib/format';
import { useTranslation } from 'react-i18next';


export function ImportResult({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  const { t } = useTranslation();
  const created = job.created_orders;
  const orders = job.summary?.orders ?? created.length;
  return (
    <Stack gap="lg">
      <Alert color="green" variant="light" icon={<IconCircleCheck size={20} />} title={t('imports.result.title', { count: orders, formatted: formatNumber(orders) })}>
        <Text size="sm">
          {job.committed_by
            ? t('imports.result.fromBy', { file: job.file_name ?? t('imports.result.theFile'), by: job.committed_by })
            : t('imports.result.from', { file: job.file_name ?? t('imports.result.theFile') })}{' '}
          {job.send_emails ? t('imports.result.sending') : t('imports.result.noEmails')}
        </Text>
      </Alert>
      {job.summary && <ImportFigures summary={job.summary} />}
      {created.length > 0 && (
        <div>
          <Text size="sm" fw={600} mb={6}>
            {orders > created.length ? t('imports.result.newFirst', { count: created.length }) : t('imports.result.new')}
          </Text>
          <SimpleGrid cols={{ base: 2, xs: 3, sm: 5 }} spacing={6} aria-label={t('imports.result.label')} role="list">
            {created.map((number) => (
              <div key={number} role="listitem">
                <Anchor component={Link} to={`/orders/${number}`} ff="monospace" size="sm" fw={600}>
                  {number}
                </Anchor>
              </div>
            ))}
          </SimpleGrid>
        </div>
      )}
      <Group>
        <Button variant="default" onClick={onAnother}>
          {t('imports.result.another')}
        </Button>
        <Button component={Link} to="/orders" variant="subtle">
          {t('imports.result.toOrders')}
        </Button>
      </Group>
    </Stack>
  );
}
