import type { FormEvent, ReactNode } from 'react';
import { Alert, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '../../../components/icons';
import { useTranslation } from 'react-i18next';


/** A titled block of settings with its own Save button, as on a payment dashboard's settings page. */
export function SettingsSection({ title, description, children, onSubmit, dirty, saving, problem, onReset, footer }: {
  title: string;
  description: ReactNode;
  children: ReactNode;
  onSubmit: () => void;
  dirty: boolean;
  saving: boolean;
  problem?: string | null;
  onReset?: () => void;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <Grid gutter={{ base: 'xs', md: 'xl' }} component="section" aria-label={title}>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          {description}
        </Text>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card component="form" onSubmit={submit} noValidate aria-label={title}>
          <Stack gap="md">
            {problem && (
              <Alert color="red" icon={<IconAlertTriangle size={16} />} role="alert">
                {problem}
              </Alert>
            )}
            {children}
          </Stack>
          <Card.Section withBorder mt="lg" px="lg" py="sm" bg="gray.0">
            <Group justify="space-between" gap="sm">
              <div>{footer}</div>
              <Group gap="sm">
                {onReset && dirty && (
                  <Button variant="subtle" color="gray" onClick={onReset}>
                    {t('organisation.discard')}
                  </Button>
                )}
                <Button type="submit" disabled={!dirty} loading={saving}>
                  {t('common.save')}
                </Button>
              </Group>
            </Group>
          </Card.Section>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
