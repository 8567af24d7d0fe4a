import { Table, Text } from '@mantine/core';
import type { RevenueReport } from '../../api/reports';
import { useSession } from '../auth/SessionContext';
import { formatDay, formatNumber } from '../../lib/format';
import { useTranslation } from 'react-i18next';


/** The figures' columns; each is named by `reports.revenue.column.<key>`. */
const COLUMNS = [
  { key: 'gross', money: true },
  { key: 'refunds', money: true },
  { key: 'net', money: true },
  { key: 'fees', money: true },
  { key: 'tickets_sold' },
  { key: 'tickets_cancelled' },
  { key: 'tickets_refunded' },
  { key: 'tickets_checked_in' },
] as const;

export function RevenueTable({ report }: { report: RevenueReport }) {
  const { t } = useTranslation();
  const { money } = useSession();
  const cell = (value: number, isMoney: boolean) => (isMoney ? money(value, report.currency) : formatNumber(value));
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" horizontalSpacing="md" aria-label={t('reports.revenue.revenue')} stickyHeader striped="even">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`reports.revenue.group.${report.group_by}`)}</Table.Th>
            {COLUMNS.map((column) => (
              <Table.Th key={column.key} ta="right" style={{ whiteSpace: 'nowrap' }}>
                {t(`reports.revenue.column.${column.key}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody className="tabular">
          {report.groups.map((group) => (
            <Table.Tr key={group.key} data-key={group.key}>
              <Table.Td>
                <Text size="sm" truncate maw={320}>
                  {report.group_by === 'day' ? formatDay(group.key, 'weekdayDate') : group.label}
                </Text>
              </Table.Td>
              {COLUMNS.map((column) => (
                <Table.Td
                  key={column.key}
                  ta="right"
                  data-column={column.key}
                  c={group[column.key] === 0 ? 'dimmed' : column.key === 'net' && group.net < 0 ? 'red.7' : undefined}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {cell(group[column.key], 'money' in column)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot className="tabular">
          <Table.Tr data-key="total">
            <Table.Th>{t('reports.columns.total')}</Table.Th>
            {COLUMNS.map((column) => (
              <Table.Th key={column.key} ta="right" data-column={column.key} style={{ whiteSpace: 'nowrap' }}>
                {cell(report.totals[column.key], 'money' in column)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
