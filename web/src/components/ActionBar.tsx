/** A page's main actions, in a bar that stays at the bottom of the screen while a long form scrolls. */
import { Paper } from '@mantine/core';
import type { ReactNode } from 'react';

export function ActionBar({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <Paper withBorder shadow="sm" p="sm" radius="md" pos="sticky" bottom={8} style={{ zIndex: 5 }} data-testid={testId}>
      {children}
    </Paper>
  );
}
