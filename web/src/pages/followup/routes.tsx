/** Follow-up and objections: /tindak-lanjut, /tindak-lanjut/:year/:code, /sanggahan/:id (signed in; one lazily loaded chunk). */
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/LazyPage';

const screens = () => import('./screens');

export const followUpRoutes: RouteObject[] = [
  { path: 'tindak-lanjut', element: lazyPage(screens, 'FollowUpHome') },
  { path: 'tindak-lanjut/:year/:code', element: lazyPage(screens, 'EntityFollowUpPage') },
  { path: 'sanggahan/:id', element: lazyPage(screens, 'ObjectionPage') },
];
