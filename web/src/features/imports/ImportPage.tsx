import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, FileInput, Group, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconFileTypeCsv, IconUpload } from '../../components/icons';
import { useQueryClient } from '@tanstack/react-query';
import { commitImport, fetchImport, uploadImport, type ImportJob } from '../../api/imports';
import { errorMessage, isApiError } from '../../api/errors';
import { Page } from '../../components/Page';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../auth/SessionContext';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

const FINISHED = new Set(['committed', 'completed', 'done', 'failed']);

function progressPercent(job: ImportJob): number | null {
  const p = job.progress;
  if (typeof p === 'number') return p <= 1 ? p * 100 : p;
  if (p && p.total) return ((p.done ?? 0) / p.total) * 100;
  return null;
}

export function ImportPage() {
  const { money } = useSession();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  useDocumentTitle('Import orders');
  const [sendTickets, setSendTickets] = useState(false);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const committing = job && !FINISHED.has(job.status) && job.status !== 'validated' && job.status !== 'invalid';

  useEffect(() => {
    if (!job || !committing) return;
    const timer = setTimeout(async () => {
      try {
        setJob(await fetchImport(job.id));
      } catch (cause) {
        setError(cause);
      }
    }, 700);
    return () => clearTimeout(timer);
  }, [job, committing]);

  useEffect(() => {
    if (job && FINISHED.has(job.status)) queryClient.invalidateQueries({ queryKey: ['orders'] });
  }, [job, queryClient]);

  async function validate() {
    if (!file) return;
    setBusy(true);
    setError(null);
    setJob(null);
    try {
      setJob(await uploadImport(file, sendTickets));
    } catch (cause) {
      if (isApiError(cause) && cause.status === 422 && Array.isArray(cause.details.errors)) {
        setJob({ id: '', status: 'invalid', errors: cause.details.errors as ImportJob['errors'] });
      } else setError(cause);
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!job) return;
    setBusy(true);
    setError(null);
    try {
      const result = await commitImport(job.id, sendTickets);
      setJob(result);
      notifications.show({ color: 'green', title: 'Import started', message: 'Orders are being created.' });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  }

  const rowErrors = job?.errors ?? [];
  const percent = job ? progressPercent(job) : null;

  return (
    <Page maw={960}>
      <PageHeader
        title="Import orders"
        description="Upload a CSV file (one row per ticket; rows with the same order_ref form one order). Every row is checked before anything is written."
      />
      <Card>
        <Stack gap="md">
          <FileInput
            label="CSV file"
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            leftSection={<IconFileTypeCsv size={18} />}
            value={file}
            onChange={(value) => {
              setFile(value);
              setJob(null);
            }}
            clearable
          />
          <Checkbox
            label="Send the tickets to the imported customers"
            checked={sendTickets}
            onChange={(e) => setSendTickets(e.currentTarget.checked)}
          />
          <Group>
            <Button leftSection={<IconUpload size={16} />} onClick={validate} disabled={!file} loading={busy && !job}>
              Check file
            </Button>
          </Group>
          {Boolean(error) && (
            <Alert color="red" role="alert">
              {errorMessage(error)}
            </Alert>
          )}
          {rowErrors.length > 0 && (
            <Alert color="red" title={`${rowErrors.length} problems found; nothing was imported`}>
              <Table fz="xs" verticalSpacing={4} aria-label="Import errors">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Line</Table.Th>
                    <Table.Th>Column</Table.Th>
                    <Table.Th>Value</Table.Th>
                    <Table.Th>Problem</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rowErrors.map((row, index) => (
                    <Table.Tr key={index}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td>{row.column ?? '—'}</Table.Td>
                      <Table.Td ff="monospace">{row.value ?? ''}</Table.Td>
                      <Table.Td>{row.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Alert>
          )}
          {job?.preview && rowErrors.length === 0 && (
            <Card withBorder bg="gray.0">
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                <Figure label="Orders" value={String(job.preview.orders ?? 0)} />
                <Figure label="Tickets" value={String(job.preview.tickets ?? 0)} />
                <Figure
                  label="Total"
                  value={job.preview.total != null ? money(job.preview.total, job.preview.currency) : '—'}
                />
                <Figure label="Skipped (already imported)" value={String(job.preview.skipped ?? 0)} />
              </SimpleGrid>
              {job.status === 'validated' && (
                <Group justify="flex-end" mt="md">
                  <Button onClick={commit} loading={busy}>
                    Import {job.preview.orders ?? 0} orders
                  </Button>
                </Group>
              )}
            </Card>
          )}
          {job && (committing || FINISHED.has(job.status)) && (
            <Stack gap={4}>
              <Progress value={FINISHED.has(job.status) ? 100 : percent ?? 50} animated={!FINISHED.has(job.status)} />
              <Group gap={6}>
                {FINISHED.has(job.status) && job.status !== 'failed' && <IconCircleCheck size={16} color="green" />}
                <Text size="sm">Status: {job.status}</Text>
              </Group>
            </Stack>
          )}
        </Stack>
      </Card>
    </Page>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg" className="tabular">
        {value}
      </Text>
    </div>
  );
}
