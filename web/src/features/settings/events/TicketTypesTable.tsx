import { useState } from 'react';
import { ActionIcon, Badge, Group, Menu, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconDots, IconPencil, IconTrash } from '../../../components/icons';
import { useDeleteTicketType, useReorderTicketTypes, type TicketType } from '../../../api/events';
import { errorMessage } from '../../../api/errors';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { MobileList, MobileListItem } from '../../../components/MobileList';
import { useSession } from '../../auth/SessionContext';
import { TicketTypeModal } from './TicketTypeModal';

export function TicketTypesTable({ eventId, ticketTypes }: { eventId: number; ticketTypes: TicketType[] }) {
  const { money } = useSession();
  const reorder = useReorderTicketTypes(eventId);
  const remove = useDeleteTicketType();
  const [editing, setEditing] = useState<TicketType | null>(null);
  const [deleting, setDeleting] = useState<TicketType | null>(null);

  async function move(index: number, by: number) {
    const ids = ticketTypes.map((type) => type.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    try {
      await reorder.mutateAsync(ids);
    } catch (cause) {
      notifications.show({ color: 'red', title: 'Order not saved', message: errorMessage(cause) });
    }
  }

  const moveButtons = (type: TicketType, index: number) => (
    <Group gap={2} wrap="nowrap">
      <Tooltip label="Move up">
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          disabled={index === 0 || reorder.isPending}
          onClick={() => move(index, -1)}
          aria-label={`Move ${type.name} up`}
        >
          <IconArrowUp size={14} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Move down">
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          disabled={index === ticketTypes.length - 1 || reorder.isPending}
          onClick={() => move(index, 1)}
          aria-label={`Move ${type.name} down`}
        >
          <IconArrowDown size={14} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );

  const menu = (type: TicketType) => (
    <Menu position="bottom-end" shadow="md" width={180}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${type.name}`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(type)}>
          Edit
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(type)}>
          Delete
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <>
      <MobileList label="Ticket types">
        {ticketTypes.map((type, index) => (
          <MobileListItem key={type.id}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {type.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {money(type.price, type.currency)} + {money(type.fee, type.currency)} fee
                </Text>
              </div>
              <Group gap={4} wrap="nowrap">
                {moveButtons(type, index)}
                {menu(type)}
              </Group>
            </Group>
            <Sold type={type} />
            <Text size="xs" c="dimmed" mt={4}>
              {fieldsSummary(type)}
            </Text>
          </MobileListItem>
        ))}
      </MobileList>
      <Table.ScrollContainer minWidth={760} visibleFrom="sm">
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Ticket types">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>
                <Text span size="xs" c="dimmed" fw={600}>
                  Order
                </Text>
              </Table.Th>
              <Table.Th>Ticket type</Table.Th>
              <Table.Th ta="right">Price</Table.Th>
              <Table.Th ta="right">Fee</Table.Th>
              <Table.Th w={210}>Sold / capacity</Table.Th>
              <Table.Th>Personalisation</Table.Th>
              <Table.Th w={48} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ticketTypes.map((type, index) => (
              <Table.Tr key={type.id} data-ticket-type-id={type.id}>
                <Table.Td>{moveButtons(type, index)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {type.name}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {money(type.price, type.currency)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  <Text size="sm" c={type.fee ? undefined : 'dimmed'}>
                    {money(type.fee, type.currency)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Sold type={type} />
                </Table.Td>
                <Table.Td>
                  {type.personalisation_fields.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      None
                    </Text>
                  ) : (
                    <Stack gap={4} align="flex-start">
                      <Badge variant="light" color="indigo" size="sm" tt="none">
                        {fieldsSummary(type)}
                      </Badge>
                      <Text size="xs" c="dimmed" lineClamp={1} maw={220}>
                        {type.personalisation_fields.map((field) => field.label).join(', ')}
                      </Text>
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>{menu(type)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <TicketTypeModal
        eventId={eventId}
        ticketType={editing ?? undefined}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? ''}?`}
        confirmLabel="Delete ticket type"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await remove.mutateAsync(deleting!.id);
          notifications.show({ color: 'green', title: 'Ticket type deleted', message: deleting!.name });
        }}
      >
        A ticket type that has tickets cannot be deleted.
      </ConfirmDialog>
    </>
  );
}

function fieldsSummary(type: TicketType): string {
  const count = type.personalisation_fields.length;
  if (count === 0) return 'No personalisation';
  const required = type.personalisation_fields.filter((field) => field.required).length;
  return `${count} ${count === 1 ? 'field' : 'fields'}${required ? ` · ${required} required` : ''}`;
}

function Sold({ type }: { type: TicketType }) {
  return (
    <div>
      <Text size="sm" className="tabular">
        {type.issued.toLocaleString()}{' '}
        <Text span size="xs" c="dimmed">
          / {type.capacity.toLocaleString()} · {type.available.toLocaleString()} left
        </Text>
      </Text>
      <Progress
        value={type.capacity ? Math.min(100, (type.issued / type.capacity) * 100) : 0}
        size="xs"
        mt={4}
        color={type.available === 0 ? 'orange' : undefined}
        aria-label={`${type.issued} of ${type.capacity} sold`}
      />
    </div>
  );
}
