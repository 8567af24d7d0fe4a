import { Alert, Anchor, Group, Table, Text } from '@mantine/core';
import { IconDownload, IconFileAlert } from '../../components/icons';
import { importErrorsCsvUrl, type ImportJob } from '../../api/imports';
import { useSession } from '../auth/SessionContext';
import { formatNumber } from '../../lib/format';
import { useTranslation } from 'react-i18next';


export function ImportErrors({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const errors = job.errors ?? [];
  const count = job.error_count || errors.length;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconFileAlert size={20} />}
      title={t('imports.errors.title', { count, formatted: formatNumber(count) })}
      styles={{ message: { minWidth: 0 } }}
    >
      <Group justify="space-between" mb="sm" gap="xs">
        <Text size="sm">{t('imports.errors.correct')}</Text>
        <Anchor
          href={importErrorsCsvUrl(me.organisation.slug, job.id)}
          download
          size="sm"
          fw={500}
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          <IconDownload size={14} /> {t('imports.errors.download')}
        </Anchor>
      </Group>
      <Table.ScrollContainer minWidth={560} mah={420} type="native">
        <Table
          fz="sm"
          verticalSpacing={6}
          aria-label={t('imports.errors.label')}
          bg="white"
          withTableBorder
          stickyHeader
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64} ta="right">
                {t('imports.errors.line')}
              </Table.Th>
              <Table.Th w={140}>{t('imports.errors.column')}</Table.Th>
              <Table.Th w={180}>{t('imports.errors.value')}</Table.Th>
              <Table.Th>{t('imports.errors.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((error, index) => (
              <Table.Tr key={index} data-line={error.line}>
                <Table.Td ta="right" className="tabular">
                  {error.line}
                </Table.Td>
                <Table.Td ff="monospace" fz="xs">
                  {error.column ?? '—'}
                </Table.Td>
                <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }}>
                  {error.value ?? ''}
                </Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {count > errors.length && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('imports.errors.showingFirst', { shown: formatNumber(errors.length), count: formatNumber(count) })}
        </Text>
      )}
    </Alert>
  );
}
