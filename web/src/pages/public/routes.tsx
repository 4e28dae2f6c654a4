/** The public dashboard's route: /publik/…, its own chunk, outside the signed-in app's frame. */
import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { Loading } from '../../components/Loading';

const PublicApp = lazy(() => import('./PublicApp'));

export const publicRoutes: RouteObject[] = [
  {
    path: 'publik/*',
    element: (
      <Suspense fallback={<Loading />}>
        <PublicApp />
      </Suspense>
    ),
  },
];
