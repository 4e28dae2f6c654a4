/**
 * The collection app's frame: who is collecting (the session, which the worker
 * keeps answering offline), sync running while they are here, and the sync bar on
 * every page.
 */
import { Alert, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { Loading } from '../components/Loading';
import { SyncBar } from './SyncBar';
import { startSync } from './sync';

/** Only assessors collect (the server's canSync). */
export const COLLECTOR_ROLES = ['assessor'] as const;

export function CollectGate() {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const location = useLocation();
  const userId = user?.id === undefined ? undefined : Number(user.id);
  const collects = user !== null && (COLLECTOR_ROLES as readonly string[]).includes(user.role);

  useEffect(() => {
    if (userId === undefined || !collects) return;
    return startSync(userId);
  }, [userId, collects]);

  if (loading) return <Loading />;
  if (!user) {
    if (!navigator.onLine) {
      return (
        <Alert color="orange" role="alert">
          {t('collect.offlineNoSession')}
        </Alert>
      );
    }
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }
  if (!collects) {
    return (
      <Alert color="red" role="alert" data-testid="collect-forbidden">
        {t('collect.onlyAssessors')}
      </Alert>
    );
  }
  return (
    <Stack gap="md" maw={720} mx="auto" pb={96}>
      <SyncBar userId={Number(user.id)} />
      <Outlet />
    </Stack>
  );
}
