import { Table, Text } from '@mantine/core';
import type { RevenueReport } from '../../api/reports';
import { useSession } from '../auth/SessionContext';

const GROUP_TITLES: Record<RevenueReport['group_by'], string> = {
  day: 'Day',
  event: 'Event',
  ticket_type: 'Ticket type',
  payment_method: 'Payment method',
};

const COLUMNS = [
  { key: 'gross', label: 'Revenue', money: true },
  { key: 'refunds', label: 'Refunds', money: true },
  { key: 'net', label: 'Net', money: true },
  { key: 'fees', label: 'Fees', money: true },
  { key: 'tickets_sold', label: 'Sold' },
  { key: 'tickets_cancelled', label: 'Cancelled' },
  { key: 'tickets_refunded', label: 'Refunded' },
  { key: 'tickets_checked_in', label: 'Checked in' },
] as const;

function dayText(key: string) {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function RevenueTable({ report }: { report: RevenueReport }) {
  const { money } = useSession();
  const cell = (value: number, isMoney: boolean) => (isMoney ? money(value, report.currency) : value.toLocaleString());
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" horizontalSpacing="md" aria-label="Revenue" stickyHeader striped="even">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{GROUP_TITLES[report.group_by]}</Table.Th>
            {COLUMNS.map((column) => (
              <Table.Th key={column.key} ta="right" style={{ whiteSpace: 'nowrap' }}>
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody className="tabular">
          {report.groups.map((group) => (
            <Table.Tr key={group.key} data-key={group.key}>
              <Table.Td>
                <Text size="sm" truncate maw={320}>
                  {report.group_by === 'day' ? dayText(group.key) : group.label}
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
            <Table.Th>Total</Table.Th>
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
