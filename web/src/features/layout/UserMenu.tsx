import { Avatar, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChevronDown, IconLogout, IconUserCircle } from '../../components/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { logOut } from '../../api/session';
import { errorMessage } from '../../api/errors';
import { LANGUAGES } from '../../i18n/languages';
import { roleLabel } from '../../lib/labels';
import { useSession } from '../auth/SessionContext';
import { useLanguageChoice } from '../account/useLanguageChoice';

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

export function UserMenu() {
  const { t } = useTranslation();
  const { me } = useSession();
  const language = useLanguageChoice(me);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const name = me.user?.name || me.user?.email || me.token?.name || t('layout.apiToken');

  async function signOut() {
    try {
      await logOut();
    } finally {
      queryClient.clear();
      navigate('/login', { replace: true });
    }
  }

  function chooseLanguage(code: (typeof LANGUAGES)[number]['code']) {
    language.choose(code).catch((cause: unknown) =>
      notifications.show({ color: 'red', title: t('account.language.notSaved'), message: errorMessage(cause) }),
    );
  }

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('layout.account', { name })} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="indigo">
              {initials(name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" truncate maw={160}>
              {name}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {name}
          </Text>
          {me.user?.email && (
            <Text size="xs" c="dimmed">
              {me.user.email}
            </Text>
          )}
          <Badge mt={6} size="xs" variant="light">
            {roleLabel(me.organisation.role)} · {me.organisation.name}
          </Badge>
        </Menu.Label>
        <Menu.Divider />
        {me.user && (
          <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} />}>
            {t('layout.myAccount')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Label>{t('account.language.title')}</Menu.Label>
        {LANGUAGES.map((option) => (
          <Menu.Item
            key={option.code}
            lang={option.code}
            onClick={() => chooseLanguage(option.code)}
            leftSection={language.active === option.code ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
            aria-current={language.active === option.code ? 'true' : undefined}
          >
            {option.name}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={signOut}>
          {t('layout.logOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
