/** Verification's routes, under /fieldwork (App.tsx mounts them inside the layout; the pages are one lazily loaded chunk). */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, type RouteObject, useLocation } from 'react-router';
import { useSession } from '../../auth/session';
import { lazyPage } from '../../components/LazyPage';
import { Loading } from '../../components/Loading';

const screens = () => import('./screens');

/** Who reviews (the server's canUseReview): office heads, central staff, the admin. */
export const REVIEW_ROLES = ['office_head', 'central', 'admin'] as const;

function ReviewGate() {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (!(REVIEW_ROLES as readonly string[]).includes(user.role)) {
    return (
      <Alert color="red" role="alert" title={t('errors.forbidden')} data-testid="review-forbidden">
        {t('admin.forbidden')}
      </Alert>
    );
  }
  return <Outlet />;
}

export const fieldworkRoutes: RouteObject[] = [
  {
    path: 'fieldwork',
    element: <ReviewGate />,
    children: [
      { index: true, element: lazyPage(screens, 'SubmissionsPage') },
      { path: 'submissions/:id', element: lazyPage(screens, 'SubmissionPage') },
    ],
  },
];
