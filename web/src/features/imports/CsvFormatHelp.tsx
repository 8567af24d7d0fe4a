import { Anchor, Code, Collapse, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconDownload } from '../../components/icons';

const COLUMNS: [name: string, required: boolean, meaning: string][] = [
  ['order_ref', true, 'Your reference; rows with the same one form one order'],
  ['email', true, "The buyer's e-mail address"],
  ['first_name, last_name', false, "The buyer's name"],
  ['mobile', false, 'International, or national in the organisation’s country'],
  ['event', true, 'The event’s id or exact name'],
  ['ticket_type', true, 'The exact name of a ticket type of that event'],
  ['price, service_fee', false, 'Decimals such as 89.50; default the ticket type’s'],
  ['payment_method', false, 'card, ideal, bancontact, paypal, bank_transfer, cash, invoice or free'],
  ['status', false, 'paid (default) or pending'],
  ['ordered_at', false, 'ISO 8601, e.g. 2026-03-01T14:30:00+01:00'],
  ['attendee_<key>', false, 'A personalisation field, e.g. attendee_first_name'],
];

const TEMPLATE =
  'order_ref,email,first_name,last_name,mobile,event,ticket_type,price,service_fee,payment_method,status,ordered_at\n';

export function CsvFormatHelp() {
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <div>
      <Group justify="space-between" gap="xs">
        <UnstyledButton onClick={toggle} aria-expanded={opened}>
          <Group gap={4}>
            <Text size="sm" c="indigo.7" fw={500}>
              Which columns?
            </Text>
            <IconChevronDown
              size={14}
              color="var(--mantine-color-indigo-7)"
              style={{ transform: opened ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
            />
          </Group>
        </UnstyledButton>
        <Anchor
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`}
          download="orders-template.csv"
          size="sm"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          <IconDownload size={14} /> Template
        </Anchor>
      </Group>
      <Collapse in={opened}>
        <Table.ScrollContainer minWidth={520} mt="xs">
          <Table fz="sm" verticalSpacing={4} withTableBorder aria-label="CSV columns">
            <Table.Tbody>
              {COLUMNS.map(([name, required, meaning]) => (
                <Table.Tr key={name}>
                  <Table.Td w={200}>
                    <Code>{name}</Code>
                    {required && (
                      <Text span c="red" size="xs" ml={4} aria-label="required">
                        *
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{meaning}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed" mt={4}>
          One row per ticket. The order’s columns must agree on each of its rows. Unknown columns are ignored with a
          warning.
        </Text>
      </Collapse>
    </div>
  );
}
