import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Objection } from './api';

const COLOUR = { open: 'yellow', accepted: 'green', rejected: 'red' } as const;

export function ObjectionStatusBadge({ status }: { status: Objection['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLOUR[status]}
      variant={status === 'open' ? 'light' : 'filled'}
      c={status === 'open' ? 'dark' : undefined}
      radius="sm"
      style={{ flex: 'none', overflow: 'visible' }}
      data-status={status}
    >
      {t(`followUp.objections.status.${status}`)}
    </Badge>
  );
}
