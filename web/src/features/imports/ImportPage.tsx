import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Card, Checkbox, Group, Stack, Stepper, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { IconAlertTriangle, IconInfoCircle, IconUpload } from '../../components/icons';
import {
  BUSY_STATUSES,
  importKey,
  useCommitImport,
  useImportLimitQuery,
  useImportQuery,
  useUploadImport,
  type ImportJob,
} from '../../api/imports';
import { orderKeys } from '../../api/orders';
import { errorMessage } from '../../api/errors';
import { ErrorState } from '../../components/ErrorState';
import { Page } from '../../components/Page';
import { PageHeader } from '../../components/PageHeader';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatNumber } from '../../lib/format';
import { Trans, useTranslation } from 'react-i18next';
import { CsvFormatHelp } from './CsvFormatHelp';
import { FileDropzone } from './FileDropzone';
import { ImportErrors } from './ImportErrors';
import { ImportPreview } from './ImportPreview';
import { ImportProgress } from './ImportProgress';
import { ImportResult } from './ImportResult';

function stepOf(job: ImportJob | undefined): number {
  if (!job) return 0;
  if (job.status === 'validating' || job.status === 'invalid') return 1;
  if (job.status === 'ready') return 2;
  if (job.status === 'committing') return 3;
  return 4;
}

export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('imports.title'));
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const id = params.get('id') ? Number(params.get('id')) : null;
  const [file, setFile] = useState<File | null>(null);
  const [sendEmails, setSendEmails] = useState(false);
  const limit = useImportLimitQuery();
  const upload = useUploadImport();
  const commit = useCommitImport();
  const query = useImportQuery(id);
  const job = id !== null ? query.data : undefined;

  useEffect(() => {
    if (job?.status === 'committed') queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
  }, [job?.status, queryClient]);

  function show(next: ImportJob | null) {
    if (next) queryClient.setQueryData(importKey(next.id), next);
    setParams(next ? { id: String(next.id) } : {}, { replace: false });
  }

  async function check() {
    if (!file) return;
    commit.reset();
    try {
      const started = await upload.mutateAsync({ file, sendEmails });
      show(started);
    } catch {
      // shown below from upload.error
    }
  }

  async function confirm() {
    if (!job) return;
    try {
      show(await commit.mutateAsync({ id: job.id, sendEmails }));
    } catch {
      // shown below from commit.error
    }
  }

  function startOver() {
    setFile(null);
    upload.reset();
    commit.reset();
    show(null);
  }

  const busy = job ? BUSY_STATUSES.has(job.status) : false;
  const step = stepOf(job);

  return (
    <Page maw={1040}>
      <PageHeader
        title={t('imports.title')}
        description={<Trans i18nKey="imports.description" components={{ code: <code /> }} />}
      />
      <Card>
        <Stack gap="lg">
          <Stepper active={step} size="sm" allowNextStepsSelect={false} visibleFrom="sm">
            <Stepper.Step label={t('imports.steps.upload')} description={t('imports.steps.uploadText')} />
            <Stepper.Step label={t('imports.steps.check')} description={t('imports.steps.checkText')} />
            <Stepper.Step label={t('imports.steps.preview')} description={t('imports.steps.previewText')} />
            <Stepper.Step label={t('imports.steps.import')} description={t('imports.steps.importText')} />
          </Stepper>

          {job?.status === 'invalid' && <ImportErrors job={job} />}
          {(!job || job.status === 'invalid' || job.status === 'failed') && (
            <Stack gap="sm">
              {job && (
                <Text size="sm" fw={600}>
                  {t('imports.uploadCorrected')}
                </Text>
              )}
              <FileDropzone
                file={file}
                onChange={(next) => {
                  setFile(next);
                  upload.reset();
                }}
                maxBytes={limit.data?.max_bytes ?? null}
                disabled={upload.isPending}
              />
              <CsvFormatHelp />
              {upload.isError && (
                <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="upload-error">
                  {errorMessage(upload.error)}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button leftSection={<IconUpload size={16} />} onClick={check} disabled={!file} loading={upload.isPending}>
                  {job ? t('imports.checkNew') : t('imports.check')}
                </Button>
              </Group>
            </Stack>
          )}

          {id !== null && query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
          {job && busy && <ImportProgress job={job} />}
          {job?.message && (
            <Alert color={job.status === 'failed' ? 'red' : 'blue'} icon={<IconInfoCircle size={18} />} role="alert">
              {job.message}
            </Alert>
          )}

          {job?.status === 'ready' && job.summary && (
            <Stack gap="lg">
              <Group justify="space-between" gap="xs">
                <Text size="sm" c="dimmed">
                  <Trans
                    i18nKey="imports.valid"
                    values={{ file: job.file_name, rows: formatNumber(job.summary.rows) }}
                    components={{ b: <Text span fw={600} c="dark" /> }}
                  />
                </Text>
                <Anchor component="button" size="sm" onClick={startOver}>
                  {t('imports.another')}
                </Anchor>
              </Group>
              <ImportPreview summary={job.summary} />
              <Card withBorder bg="gray.0" padding="md">
                <Group justify="space-between" gap="md">
                  <Checkbox
                    label={t('imports.sendEmails')}
                    description={t('imports.sendEmailsText')}
                    checked={sendEmails}
                    onChange={(e) => setSendEmails(e.currentTarget.checked)}
                  />
                  <Button onClick={confirm} loading={commit.isPending} disabled={job.summary.orders === 0}>
                    {t('imports.submit', { count: job.summary.orders, formatted: formatNumber(job.summary.orders) })}
                  </Button>
                </Group>
                {commit.isError && (
                  <Alert color="red" mt="sm" icon={<IconAlertTriangle size={18} />} role="alert">
                    {errorMessage(commit.error)}
                  </Alert>
                )}
              </Card>
            </Stack>
          )}

          {job?.status === 'committed' && <ImportResult job={job} onAnother={startOver} />}
        </Stack>
      </Card>
    </Page>
  );
}
