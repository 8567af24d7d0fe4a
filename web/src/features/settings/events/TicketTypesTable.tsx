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
import { formatNumber } from '../../../lib/format';
import { i18n } from '../../../i18n';
import { useTranslation } from 'react-i18next';


export function TicketTypesTable({ eventId, ticketTypes }: { eventId: number; ticketTypes: TicketType[] }) {
  const { t } = useTranslation();
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
      notifications.show({ color: 'red', title: t('events.types.orderNotSaved'), message: errorMessage(cause) });
    }
  }

  const moveButtons = (type: TicketType, index: number) => (
    <Group gap={2} wrap="nowrap">
      <Tooltip label={t('events.moveUp')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          disabled={index === 0 || reorder.isPending}
          onClick={() => move(index, -1)}
          aria-label={t('events.moveNameUp', { name: type.name })}
        >
          <IconArrowUp size={14} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('events.moveDown')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          disabled={index === ticketTypes.length - 1 || reorder.isPending}
          onClick={() => move(index, 1)}
          aria-label={t('events.moveNameDown', { name: type.name })}
        >
          <IconArrowDown size={14} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );

  const menu = (type: TicketType) => (
    <Menu position="bottom-end" shadow="md" width={180}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('events.actionsFor', { name: type.name })}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(type)}>
          {t('common.edit')}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(type)}>
          {t('common.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <>
      <MobileList label={t('events.types.title')}>
        {ticketTypes.map((type, index) => (
          <MobileListItem key={type.id}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {type.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('events.types.priceAndFee', { price: money(type.price, type.currency), fee: money(type.fee, type.currency) })}
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
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('events.types.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>
                <Text span size="xs" c="dimmed" fw={600}>
                  {t('events.types.position')}
                </Text>
              </Table.Th>
              <Table.Th>{t('events.types.type')}</Table.Th>
              <Table.Th ta="right">{t('events.types.price')}</Table.Th>
              <Table.Th ta="right">{t('events.types.fee')}</Table.Th>
              <Table.Th w={210}>{t('events.types.soldCapacity')}</Table.Th>
              <Table.Th>{t('events.types.personalisation')}</Table.Th>
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
                      {t('common.none')}
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
        title={t('events.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('events.types.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await remove.mutateAsync(deleting!.id);
          notifications.show({ color: 'green', title: t('events.types.deleted'), message: deleting!.name });
        }}
      >
        {t('events.types.deleteText')}
      </ConfirmDialog>
    </>
  );
}

function fieldsSummary(type: TicketType): string {
  const count = type.personalisation_fields.length;
  if (count === 0) return i18n.t('events.types.noPersonalisation');
  const required = type.personalisation_fields.filter((field) => field.required).length;
  const fields = i18n.t('events.types.fieldCount', { count });
  return required ? `${fields} · ${i18n.t('events.types.requiredCount', { count: required })}` : fields;
}

function Sold({ type }: { type: TicketType }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" className="tabular">
        {formatNumber(type.issued)}{' '}
        <Text span size="xs" c="dimmed">
          / {formatNumber(type.capacity)} · {t('events.types.left', { count: formatNumber(type.available) })}
        </Text>
      </Text>
      <Progress
        value={type.capacity ? Math.min(100, (type.issued / type.capacity) * 100) : 0}
        size="xs"
        mt={4}
        color={type.available === 0 ? 'orange' : undefined}
        aria-label={t('events.soldOf', { sold: type.issued, capacity: type.capacity })}
      />
    </div>
  );
}
