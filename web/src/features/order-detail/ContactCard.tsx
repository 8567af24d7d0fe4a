import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ActionIcon, Box, Button, Card, Collapse, CopyButton, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconChevronDown, IconCopy, IconPencil } from '../../components/icons';
import type { OrderDetail } from '../../api/types';
import { formatCalendarDate, formatCountry, formatLanguage, fullName } from '../../lib/format';
import { ContactForm } from './ContactForm';
import { DetailRow } from './DetailRow';

export function ContactCard({ order }: { order: OrderDetail }) {
  const [expanded, setExpanded] = useState(false);
  const [editing, setEditing] = useState(false);
  const { contact } = order;
  const [params, setParams] = useSearchParams();

  // Other parts of the page ask for the edit form with ?contact=edit.
  useEffect(() => {
    if (params.get('contact') !== 'edit') return;
    setExpanded(true);
    setEditing(true);
    const next = new URLSearchParams(params);
    next.delete('contact');
    setParams(next, { replace: true });
  }, [params, setParams]);
  const name = fullName(contact.first_name, contact.last_name);

  return (
    <Card component="section" aria-labelledby="contact-title">
      <Title order={2} size="h4" id="contact-title" mb="sm">
        Contact
      </Title>
      <Stack gap={6}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={500} truncate data-testid="contact-email">
            {contact.email || 'No e-mail address'}
          </Text>
          {contact.email && (
            <CopyButton value={contact.email}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy e-mail'}>
                  <ActionIcon variant="subtle" color="gray" size="sm" onClick={copy} aria-label="Copy e-mail">
                    {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          )}
        </Group>
        <Text size="sm" data-testid="contact-name">
          {name || <Text span c="dimmed" size="sm">No name</Text>}
        </Text>
        <Text size="sm" data-testid="contact-mobile">
          {contact.mobile || <Text span c="dimmed" size="sm">No mobile number</Text>}
        </Text>
      </Stack>
      <Button
        variant="subtle"
        size="compact-sm"
        mt="sm"
        ml={-8}
        style={{ alignSelf: 'flex-start' }}
        rightSection={
          <IconChevronDown
            size={14}
            style={{ transform: expanded ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
          />
        }
        aria-expanded={expanded}
        aria-controls="contact-more-info"
        onClick={() => {
          setExpanded((value) => !value);
          if (expanded) setEditing(false);
        }}
      >
        More info
      </Button>
      <Collapse in={expanded}>
        <Box
          id="contact-more-info"
          role="region"
          aria-label="All contact data"
          mt="sm"
          p="sm"
          bg="gray.0"
          style={{ borderRadius: 'var(--mantine-radius-md)', position: 'relative' }}
        >
          {editing ? (
            <ContactForm order={order} onDone={() => setEditing(false)} />
          ) : (
            <>
              <Group justify="space-between" align="center" mb={6}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                  All contact data
                </Text>
                <Button
                  size="compact-xs"
                  variant="default"
                  leftSection={<IconPencil size={12} />}
                  onClick={() => setEditing(true)}
                >
                  Edit
                </Button>
              </Group>
              <Stack gap={4}>
                <DetailRow label="E-mail" value={contact.email} />
                <DetailRow label="First name" value={contact.first_name} />
                <DetailRow label="Last name" value={contact.last_name} />
                <DetailRow label="Mobile" value={contact.mobile} />
                <DetailRow label="Company" value={contact.company} />
                <DetailRow label="Street" value={contact.street} />
                <DetailRow label="Postal code" value={contact.postal_code} />
                <DetailRow label="City" value={contact.city} />
                <DetailRow label="Country" value={contact.country ? formatCountry(contact.country) : null} />
                <DetailRow label="Language" value={contact.language ? formatLanguage(contact.language) : null} />
                <DetailRow
                  label="Date of birth"
                  value={contact.date_of_birth ? formatCalendarDate(contact.date_of_birth) : null}
                />
                <DetailRow
                  label="Marketing"
                  value={contact.marketing_opt_in == null ? null : contact.marketing_opt_in ? 'Opted in' : 'Opted out'}
                />
              </Stack>
            </>
          )}
        </Box>
      </Collapse>
    </Card>
  );
}
