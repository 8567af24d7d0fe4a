import { useRef, useState } from 'react';
import { ActionIcon, Menu, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconArrowsExchange,
  IconBan,
  IconDots,
  IconReceiptRefund,
  IconSend,
  IconUserEdit,
  type Icon,
} from '../../components/icons';
import { useNavigate } from 'react-router-dom';
import type { ActionName, ActionState, OrderDetail } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { ResendDialog } from './ResendDialog';
import { RefundDialog } from './RefundDialog';
import { CancelDialog } from './CancelDialog';
import { ChangeDialog } from '../changes/ChangeDialog';

const ITEMS: { name: ActionName; labelKey: string; icon: Icon; color?: string }[] = [
  { name: 'resend', labelKey: 'actions.menu.resend', icon: IconSend },
  { name: 'personalisation', labelKey: 'actions.menu.personalisation', icon: IconUserEdit },
  { name: 'change', labelKey: 'actions.menu.change', icon: IconArrowsExchange },
  { name: 'refund', labelKey: 'actions.menu.refund', icon: IconReceiptRefund },
  { name: 'cancel', labelKey: 'actions.menu.cancel', icon: IconBan, color: 'red' },
];

type Dialog = Exclude<ActionName, 'personalisation'>;

export function OrderActionsMenu({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const navigate = useNavigate();
  const trigger = useRef<HTMLButtonElement>(null);
  const restoreFocus = useRef(true);
  const close = (giveFocusBack = true) => {
    restoreFocus.current = giveFocusBack;
    setDialog(null);
  };
  // The menu item that opened the dialog is gone: focus goes back to the ⋯ button once the dialog is.
  const closed = () => {
    if (restoreFocus.current) trigger.current?.focus();
  };

  function run(name: ActionName) {
    if (name === 'personalisation') navigate(`/orders/${order.number}/personalisation`);
    else setDialog(name);
  }

  const items = ITEMS.filter((item) => order.actions[item.name]);

  return (
    <>
      <Menu position="bottom-end" width={280} shadow="lg" withinPortal trapFocus loop>
        <Menu.Target>
          <ActionIcon ref={trigger} variant="default" size="lg" radius="md" aria-label={t('actions.menu.label')}>
            <IconDots size={20} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown aria-label={t('actions.menu.label')}>
          {items.map((item) => (
            <ActionItem key={item.name} name={item.name} label={t(item.labelKey)} icon={item.icon} color={item.color} state={order.actions[item.name]} onRun={() => run(item.name)} />
          ))}
        </Menu.Dropdown>
      </Menu>
      <ResendDialog order={order} opened={dialog === 'resend'} onClose={close} onClosed={closed} />
      <ChangeDialog order={order} opened={dialog === 'change'} onClose={() => close()} onClosed={closed} />
      <RefundDialog order={order} opened={dialog === 'refund'} onClose={() => close()} onClosed={closed} />
      <CancelDialog order={order} opened={dialog === 'cancel'} onClose={() => close()} onClosed={closed} />
    </>
  );
}

function ActionItem({ name, label, icon: ItemIcon, color, state, onRun }: {
  name: ActionName;
  label: string;
  icon: Icon;
  color?: string;
  state: ActionState;
  onRun: () => void;
}) {
  const { t } = useTranslation();
  if (state.enabled) {
    return (
      <Menu.Item leftSection={<ItemIcon size={16} />} color={color} onClick={onRun} data-action={name}>
        {label}
      </Menu.Item>
    );
  }
  const reason = state.message || t('actions.menu.notAvailable');
  const reasonId = `action-${name}-reason`;
  // Stays focusable (no `disabled`) so that keyboard users reach it and hear the reason.
  return (
    <Tooltip
      label={reason}
      position="left"
      events={{ hover: true, focus: true, touch: true }}
      openDelay={100}
      middlewares={{ flip: true, shift: { padding: 8 } }}
    >
      <Menu.Item
        leftSection={<ItemIcon size={16} />}
        aria-disabled="true"
        aria-label={label}
        aria-describedby={reasonId}
        className="menu-item-disabled"
        closeMenuOnClick={false}
        onClick={(event) => event.preventDefault()}
        data-action={name}
        data-reason={state.reason ?? undefined}
      >
        <Stack gap={0}>
          <Text size="sm" inherit>
            {label}
          </Text>
          <Text size="xs" c="dimmed" id={reasonId} lh={1.3}>
            {reason}
          </Text>
        </Stack>
      </Menu.Item>
    </Tooltip>
  );
}
