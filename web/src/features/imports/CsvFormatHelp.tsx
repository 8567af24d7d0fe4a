import { Anchor, Code, Collapse, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconDownload } from '../../components/icons';
import { useTranslation } from 'react-i18next';


/** The CSV's columns (as the file names them) and whether each is required; `imports.columns.<id>` explains it. */
const COLUMNS: [id: string, name: string, required: boolean][] = [
  ['order_ref', 'order_ref', true],
  ['email', 'email', true],
  ['name', 'first_name, last_name', false],
  ['mobile', 'mobile', false],
  ['event', 'event', true],
  ['ticket_type', 'ticket_type', true],
  ['price', 'price, service_fee', false],
  ['payment_method', 'payment_method', false],
  ['status', 'status', false],
  ['ordered_at', 'ordered_at', false],
  ['attendee', 'attendee_<key>', false],
];

const TEMPLATE =
  'order_ref,email,first_name,last_name,mobile,event,ticket_type,price,service_fee,payment_method,status,ordered_at\n';

export function CsvFormatHelp() {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <div>
      <Group justify="space-between" gap="xs">
        <UnstyledButton onClick={toggle} aria-expanded={opened}>
          <Group gap={4}>
            <Text size="sm" c="indigo.7" fw={500}>
              {t('imports.help.which')}
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
          <IconDownload size={14} /> {t('imports.help.template')}
        </Anchor>
      </Group>
      <Collapse in={opened}>
        <Table.ScrollContainer minWidth={520} mt="xs">
          <Table fz="sm" verticalSpacing={4} withTableBorder aria-label={t('imports.help.columns')}>
            <Table.Tbody>
              {COLUMNS.map(([id, name, required]) => (
                <Table.Tr key={name}>
                  <Table.Td w={200}>
                    <Code>{name}</Code>
                    {required && (
                      <Text span c="red" size="xs" ml={4} aria-label={t('imports.help.required')}>
                        *
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`imports.columns.${id}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed" mt={4}>
          {t('imports.help.rows')}
        </Text>
      </Collapse>
    </div>
  );
}
