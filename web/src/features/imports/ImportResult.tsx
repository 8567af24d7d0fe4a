import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { IconCircleCheck } from '../../components/icons';
import type { ImportJob } from '../../api/imports';
import { ImportFigures } from './ImportPreview';

export function ImportResult({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  const created = job.created_orders;
  const orders = job.summary?.orders ?? created.length;
  return (
    <Stack gap="lg">
      <Alert color="green" variant="light" icon={<IconCircleCheck size={20} />} title={`Imported ${orders.toLocaleString()} ${orders === 1 ? 'order' : 'orders'}`}>
        <Text size="sm">
          From {job.file_name ?? 'the file'}
          {job.committed_by ? `, by ${job.committed_by}` : ''}.{' '}
          {job.send_emails ? 'The tickets are being sent to the customers.' : 'No e-mails were sent.'}
        </Text>
      </Alert>
      {job.summary && <ImportFigures summary={job.summary} />}
      {created.length > 0 && (
        <div>
          <Text size="sm" fw={600} mb={6}>
            New orders{orders > created.length ? ` (the first ${created.length})` : ''}
          </Text>
          <SimpleGrid cols={{ base: 2, xs: 3, sm: 5 }} spacing={6} aria-label="Imported orders" role="list">
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
          Import another file
        </Button>
        <Button component={Link} to="/orders" variant="subtle">
          Go to orders
        </Button>
      </Group>
    </Stack>
  );
}
