import { Badge, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import type { EmailKind, Organisation } from '../../../api/organisation';
import { EmailTemplateEditor } from './EmailTemplateEditor';

const KINDS: { kind: EmailKind; label: string; description: string }[] = [
  { kind: 'tickets', label: 'Tickets', description: 'Sent with the PDF tickets when an order is paid or resent.' },
  { kind: 'cancellation', label: 'Cancellation', description: 'Sent when an order is cancelled.' },
  { kind: 'refund', label: 'Refund', description: 'Sent when a refund is made.' },
  { kind: 'personalisation_link', label: 'Personalisation link', description: 'Asks the customer to fill in attendee data.' },
  { kind: 'order_changed', label: 'Order changed', description: 'Sent with the new PDF tickets when an order is changed.' },
];

export function EmailTemplatesSection({ organisation }: { organisation: Organisation }) {
  return (
    <Stack gap="sm" component="section" aria-label="E-mail texts">
      <div>
        <Title order={2} size="h4">
          E-mail texts
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          What customers receive. Placeholders are filled in per order.
        </Text>
      </div>
      <Card padding={0}>
        <Tabs defaultValue="tickets" keepMounted={false}>
          <Tabs.List px="md" pt="xs">
            {KINDS.map(({ kind, label }) => (
              <Tabs.Tab key={kind} value={kind}>
                <Group gap={6} wrap="nowrap">
                  {label}
                  {organisation.email_templates[kind]?.customised && (
                    <Badge size="xs" variant="light">
                      Custom
                    </Badge>
                  )}
                </Group>
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {KINDS.map(({ kind, description }) => (
            <Tabs.Panel key={kind} value={kind} p="lg">
              <Text size="sm" c="dimmed" mb="md">
                {description}
              </Text>
              {organisation.email_templates[kind] && (
                <EmailTemplateEditor kind={kind} template={organisation.email_templates[kind]} />
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Card>
    </Stack>
  );
}
