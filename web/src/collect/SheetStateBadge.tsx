/** One word for where a sheet stands, from the device's draft and what the server last said. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Draft } from './model';

export type SheetState =
  | 'empty'
  | 'editing'
  | 'queued'
  | 'conflict'
  | 'rejected'
  | 'submitted'
  | 'verified'
  | 'validated'
  | 'returned';

export function sheetState(d: Draft | undefined): SheetState {
  if (!d) return 'empty';
  if (d.state === 'queued' || d.state === 'conflict' || d.state === 'rejected') return d.state;
  if (d.server?.status === 'returned') return 'returned';
  if (d.state === 'sent') return d.server?.status ?? 'submitted';
  return 'editing';
}

export const STATE_COLOURS: Record<SheetState, string> = {
  empty: 'gray',
  editing: 'blue',
  queued: 'orange',
  conflict: 'red',
  rejected: 'red',
  submitted: 'patuh',
  verified: 'teal',
  validated: 'green',
  returned: 'orange',
};

export function SheetStateBadge({ state }: { state: SheetState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOURS[state]} variant={state === 'empty' ? 'outline' : 'light'} data-state={state}>
      {t(`collect.state.${state}`)}
    </Badge>
  );
}
