import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ActionIcon, Box, Button, Card, Collapse, CopyButton, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconChevronDown, IconCopy, IconPencil } from '../../components/icons';
import type { OrderDetail } from '../../api/types';
import { formatCalendarDate, formatCountry, formatLanguage, fullName } from '../../lib/format';
import { useTranslation } from 'react-i18next';
import { ContactForm } from './ContactForm';
import { DetailRow } from './DetailRow';

export function ContactCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
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
        {t('order.contact.title')}
      </Title>
      <Stack gap={6}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={500} truncate data-testid="contact-email">
            {contact.email || t('order.contact.noEmail')}
          </Text>
          {contact.email && (
            <CopyButton value={contact.email}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('common.copied') : t('order.contact.copyEmail')}>
                  <ActionIcon variant="subtle" color="gray" size="sm" onClick={copy} aria-label={t('order.contact.copyEmail')}>
                    {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          )}
        </Group>
        <Text size="sm" data-testid="contact-name">
          {name || <Text span c="dimmed" size="sm">{t('order.contact.noName')}</Text>}
        </Text>
        <Text size="sm" data-testid="contact-mobile">
          {contact.mobile || <Text span c="dimmed" size="sm">{t('order.contact.noMobile')}</Text>}
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
        {t('order.contact.moreInfo')}
      </Button>
      <Collapse in={expanded}>
        <Box
          id="contact-more-info"
          role="region"
          aria-label={t('order.contact.allData')}
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
                  {t('order.contact.allData')}
                </Text>
                <Button
                  size="compact-xs"
                  variant="default"
                  leftSection={<IconPencil size={12} />}
                  onClick={() => setEditing(true)}
                >
                  {t('common.edit')}
                </Button>
              </Group>
              <Stack gap={4}>
                <DetailRow label={t('labels.contactField.email')} value={contact.email} />
                <DetailRow label={t('labels.contactField.first_name')} value={contact.first_name} />
                <DetailRow label={t('labels.contactField.last_name')} value={contact.last_name} />
                <DetailRow label={t('labels.contactField.mobile')} value={contact.mobile} />
                <DetailRow label={t('labels.contactField.company')} value={contact.company} />
                <DetailRow label={t('labels.contactField.street')} value={contact.street} />
                <DetailRow label={t('labels.contactField.postal_code')} value={contact.postal_code} />
                <DetailRow label={t('labels.contactField.city')} value={contact.city} />
                <DetailRow label={t('labels.contactField.country')} value={contact.country ? formatCountry(contact.country) : null} />
                <DetailRow label={t('labels.contactField.language')} value={contact.language ? formatLanguage(contact.language) : null} />
                <DetailRow
                  label={t('labels.contactField.date_of_birth')}
                  value={contact.date_of_birth ? formatCalendarDate(contact.date_of_birth) : null}
                />
                <DetailRow
                  label={t('order.contact.marketing')}
                  value={contact.marketing_opt_in == null ? null : contact.marketing_opt_in ? t('order.contact.optedIn') : t('order.contact.optedOut')}
                />
              </Stack>
            </>
          )}
        </Box>
      </Collapse>
    </Card>
  );
}
