import { Alert, Anchor, Group, Table, Text } from '@mantine/core';
import { IconDownload, IconFileAlert } from '../../components/icons';
import { importErrorsCsvUrl, type ImportJob } from '../../api/imports';
import { useSession } from '../auth/SessionContext';

export function ImportErrors({ job }: { job: ImportJob }) {
  const { me } = useSession();
  const errors = job.errors ?? [];
  const count = job.error_count || errors.length;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconFileAlert size={20} />}
      title={`${count.toLocaleString()} ${count === 1 ? 'problem' : 'problems'} found: nothing was imported`}
      styles={{ message: { minWidth: 0 } }}
    >
      <Group justify="space-between" mb="sm" gap="xs">
        <Text size="sm">Correct the file and upload it again.</Text>
        <Anchor
          href={importErrorsCsvUrl(me.organisation.slug, job.id)}
          download
          size="sm"
          fw={500}
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          <IconDownload size={14} /> Download the error report (CSV)
        </Anchor>
      </Group>
      <Table.ScrollContainer minWidth={560} mah={420} type="native">
        <Table
          fz="sm"
          verticalSpacing={6}
          aria-label="Import errors"
          bg="white"
          withTableBorder
          stickyHeader
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64} ta="right">
                Line
              </Table.Th>
              <Table.Th w={140}>Column</Table.Th>
              <Table.Th w={180}>Value</Table.Th>
              <Table.Th>Problem</Table.Th>
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
          Showing the first {errors.length.toLocaleString()} of {count.toLocaleString()} problems.
        </Text>
      )}
    </Alert>
  );
}
