import type { ReactNode } from 'react';
import { Box, Stack } from '@mantine/core';

/** Rows as stacked blocks below the `sm` breakpoint, where a wide table would scroll sideways. */
export function MobileList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0} hiddenFrom="sm" role="list" aria-label={label}>
      {children}
    </Stack>
  );
}

export function MobileListItem({ children, dimmed }: { children: ReactNode; dimmed?: boolean }) {
  return (
    <Box
      role="listitem"
      px="md"
      py="sm"
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)', opacity: dimmed ? 0.65 : 1 }}
    >
      {children}
    </Box>
  );
}
