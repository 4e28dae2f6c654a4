/** "Offline · 3 sheets waiting" — always in sight on the collection pages, with a button to send now. */
import { Anchor, Badge, Button, Group, Paper, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOutbox, useSyncStatus } from './hooks';
import { offlineReady } from './register-sw';
import { syncNow } from './sync';

export function SyncBar({ userId }: { userId: number }) {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const outbox = useOutbox(userId).data ?? [];
  const [ready, setReady] = useState(offlineReady);
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const update = () => setReady(offlineReady());
    navigator.serviceWorker.addEventListener('controllerchange', update);
    return () => navigator.serviceWorker.removeEventListener('controllerchange', update);
  }, []);

  const waiting = outbox.length;
  const state = !status.online ? 'offline' : status.syncing ? 'syncing' : waiting > 0 ? 'waiting' : 'synced';
  return (
    <Paper
      withBorder
      p="xs"
      radius="md"
      pos="sticky"
      top={64}
      style={{ zIndex: 5 }}
      bg={status.online ? 'white' : 'orange.0'}
      data-testid="sync-bar"
      data-state={state}
      data-waiting={waiting}
      data-offline-ready={ready ? 'yes' : 'no'}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <div role="status" aria-live="polite" style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Badge color={status.online ? 'patuh' : 'orange.9'} variant="filled" data-testid="connection">
              {status.online ? t('collect.sync.online') : t('collect.sync.offline')}
            </Badge>
            <Text size="sm" fw={600} data-testid="waiting-count">
              {status.syncing
                ? t('collect.sync.syncing')
                : waiting > 0
                  ? t('collect.sync.waiting', { count: waiting })
                  : t('collect.sync.allSent')}
            </Text>
          </Group>
          {status.needsLogin && (
            <Text size="xs" c="red.9">
              {t('collect.sync.needsLogin')}{' '}
              <Anchor component={Link} to="/login" state={{ from: '/collect' }} size="xs">
                {t('collect.sync.login')}
              </Anchor>
            </Text>
          )}
          {!status.needsLogin && status.lastError && status.online && waiting > 0 && (
            <Text size="xs" c="dimmed">
              {t('collect.sync.lastError', { message: status.lastError })}
            </Text>
          )}
          {!ready && import.meta.env.PROD && (
            <Text size="xs" c="dimmed">
              {t('collect.sync.notReadyOffline')}
            </Text>
          )}
        </div>
        <Button
          size="compact-sm"
          variant="light"
          style={{ flexShrink: 0 }}
          disabled={status.syncing}
          onClick={() => void syncNow(userId, true)}
          data-testid="sync-now"
        >
          {t('collect.sync.now')}
        </Button>
      </Group>
    </Paper>
  );
}
