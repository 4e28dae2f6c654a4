/** Administration is for admin and central staff; the server enforces it, the UI explains it. */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { type AdminPage, canOpen } from '../../auth/access';
import { useSession } from '../../auth/session';
import { Loading } from '../../components/Loading';

export function AdminGate({ page }: { page: AdminPage }) {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (!canOpen(user, page)) {
    return (
      <Alert color="red" role="alert" title={t('errors.forbidden')} data-testid="admin-forbidden">
        {t('admin.forbidden')}
      </Alert>
    );
  }
  return <Outlet />;
}
