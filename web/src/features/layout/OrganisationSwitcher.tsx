import { Badge, Button, Menu, Text } from '@mantine/core';
import { IconBuilding, IconCheck, IconSelector } from '../../components/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { setOrganisationSlug } from '../../api/client';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../lib/labels';
import { useSession } from '../auth/SessionContext';

export function OrganisationSwitcher() {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const current = me.organisation;

  if (me.organisations.length < 2) {
    return (
      <Text size="sm" fw={500} c="dimmed" visibleFrom="sm" data-testid="organisation-name">
        {current.name}
      </Text>
    );
  }

  function choose(slug: string) {
    if (slug === current.slug) return;
    setOrganisationSlug(slug);
    queryClient.clear();
    navigate('/orders');
  }

  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <Button
          variant="default"
          size="sm"
          leftSection={<IconBuilding size={16} />}
          rightSection={<IconSelector size={14} />}
          aria-label={t('layout.switchOrganisation', { name: current.name })}
          maw={240}
        >
          <Text size="sm" truncate>
            {current.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('layout.organisations')}</Menu.Label>
        {me.organisations.map((org) => (
          <Menu.Item
            key={org.slug}
            onClick={() => choose(org.slug)}
            leftSection={org.slug === current.slug ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
            rightSection={
              <Badge size="xs" variant="light" color="gray">
                {roleLabel(org.role)}
              </Badge>
            }
          >
            {org.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
