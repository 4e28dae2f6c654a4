/** "/": the results of the default cycle, or the official's own entity. */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useSession } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useCycle } from '../cycle';

export function HomeRedirect() {
  const { t } = useTranslation();
  const { user, loading: sessionLoading } = useSession();
  const { cycles, year, loading, error } = useCycle();
  if (sessionLoading || loading) return <Loading />;
  if (error) return <ErrorNotice error={error} />;
  if (cycles.length === 0) return <Alert color="gray">{t('overview.noCycles')}</Alert>;
  if (year === undefined) return <Loading />;
  if (user?.role === 'entity_official' && user.entity) {
    return <Navigate replace to={`/cycles/${year}/entities/${encodeURIComponent(user.entity.code)}`} />;
  }
  return <Navigate replace to={`/cycles/${year}`} />;
}
