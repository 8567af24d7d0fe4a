import { ActionIcon, CopyButton, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from './icons';

/** A value shown once (a token, a generated password), with a copy button. */
export function SecretField({ value, label }: { value: string; label: string }) {
  return (
    <Paper withBorder radius="md" p="xs" bg="gray.0">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }} aria-label={label} data-testid="secret-value">
          {value}
        </Text>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'}>
              <ActionIcon
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'teal' : 'indigo'}
                onClick={copy}
                aria-label={copied ? 'Copied' : `Copy ${label.toLowerCase()}`}
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
