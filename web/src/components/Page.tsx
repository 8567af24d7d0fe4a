import type { ReactNode } from 'react';
import { Box } from '@mantine/core';

export function Page({ children, maw = 1240 }: { children: ReactNode; maw?: number }) {
  return (
    <Box px={{ base: 'sm', sm: 'xl' }} py={{ base: 'md', sm: 'xl' }} maw={maw} mx="auto">
      {children}
    </Box>
  );
}
