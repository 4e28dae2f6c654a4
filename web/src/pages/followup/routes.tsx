/** Follow-up and objections: /tindak-lanjut, /tindak-lanjut/:year/:code, /sanggahan/:id (signed in; one lazily loaded chunk). */
import { type ComponentType, lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { Loading } from '../../components/Loading';

const screens = () => import('./screens');
const FollowUpHome = lazy(() => screens().then((m) => ({ default: m.FollowUpHome })));
const EntityFollowUpPage = lazy(() => screens().then((m) => ({ default: m.EntityFollowUpPage })));
const ObjectionPage = lazy(() => screens().then((m) => ({ default: m.ObjectionPage })));

const page = (Page: ComponentType) => (
  <Suspense fallback={<Loading />}>
    <Page />
  </Suspense>
);

export const followUpRoutes: RouteObject[] = [
  { path: 'tindak-lanjut', element: page(FollowUpHome) },
  { path: 'tindak-lanjut/:year/:code', element: page(EntityFollowUpPage) },
  { path: 'sanggahan/:id', element: page(ObjectionPage) },
];
