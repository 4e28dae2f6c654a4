/** The collection app's routes, under /collect (App.tsx mounts them inside the layout; one lazily loaded chunk). */
import type { RouteObject } from 'react-router';
import { lazyPage } from '../components/LazyPage';

const screens = () => import('./screens');

export const collectRoutes: RouteObject[] = [
  {
    path: 'collect',
    element: lazyPage(screens, 'CollectGate'),
    children: [
      { index: true, element: lazyPage(screens, 'CollectHome') },
      { path: ':year/units/:unitId', element: lazyPage(screens, 'UnitSheets') },
      { path: ':year/units/:unitId/:form', element: lazyPage(screens, 'SheetForm') },
      { path: ':year/units/:unitId/:form/:respondent', element: lazyPage(screens, 'SheetForm') },
    ],
  },
];
