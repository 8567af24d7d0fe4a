import { ActionIcon, CopyButton, Group, Paper, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconCheck, IconCopy } from './icons';

/** A value shown once (a token, a generated password), with a copy button. */
export function SecretField({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xs" bg="gray.0">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }} aria-label={label} data-testid="secret-value">
          {value}
        </Text>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
              <ActionIcon
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'teal' : 'indigo'}
                onClick={copy}
                aria-label={copied ? t('common.copied') : t('common.copyThing', { thing: label })}
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Paper>
  );
}
