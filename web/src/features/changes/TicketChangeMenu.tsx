import { useRef } from 'react';
import { Button, Menu, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowsExchange, IconChevronDown, IconTicketOff, IconUserShare } from '../../components/icons';
import type { Ticket } from '../../api/types';
import { useTranslation } from 'react-i18next';
import type { ChangeStart } from './changeDraft';

/**
 * The Change button of one ticket row, as the server allows it (`ticket.change`): a menu of what can happen
 * to the ticket, or a disabled button that keeps the server's reason in a tooltip and its description.
 */
export function TicketChangeMenu({ ticket, onChoose }: {
  ticket: Ticket;
  onChoose: (kind: ChangeStart['kind'], trigger: HTMLButtonElement | null) => void;
}) {
  const { t } = useTranslation();
  const trigger = useRef<HTMLButtonElement>(null);
  const state = ticket.change;
  if (!state) return null;
  const label = t('changes.menu.label', { name: ticket.ticket_type.name });

  if (!state.enabled) {
    const reason = state.message || t('changes.cannotChange');
    const reasonId = `ticket-${ticket.id}-change-reason`;
    return (
      <>
        <Tooltip label={reason} position="left" multiline maw={260} events={{ hover: true, focus: true, touch: true }}>
          <Button
            size="compact-xs"
            variant="default"
            aria-disabled="true"
            aria-label={label}
            aria-describedby={reasonId}
            className="menu-item-disabled"
            data-reason={state.reason ?? undefined}
            data-testid="ticket-change"
            onClick={(event) => event.preventDefault()}
          >
            {t('changes.menu.button')}
          </Button>
        </Tooltip>
        <VisuallyHidden id={reasonId}>{reason}</VisuallyHidden>
      </>
    );
  }

  const choose = (kind: ChangeStart['kind']) => onChoose(kind, trigger.current);
  return (
    <Menu position="bottom-end" width={250} shadow="lg" withinPortal>
      <Menu.Target>
        <Button
          ref={trigger}
          size="compact-xs"
          variant="default"
          rightSection={<IconChevronDown size={12} />}
          aria-label={label}
          data-testid="ticket-change"
        >
          {t('changes.menu.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={label}>
        <Menu.Item leftSection={<IconArrowsExchange size={16} />} onClick={() => choose('swap')}>
          {t('changes.menu.swap')}
        </Menu.Item>
        <Menu.Item leftSection={<IconUserShare size={16} />} onClick={() => choose('hand_over')}>
          {t('changes.menu.handOver')}
        </Menu.Item>
        <Menu.Item leftSection={<IconTicketOff size={16} />} color="red" onClick={() => choose('cancel')}>
          {t('changes.menu.cancel')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
