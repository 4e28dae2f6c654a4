/** The collection app's routes, under /collect (App.tsx mounts them inside the layout). */
import type { RouteObject } from 'react-router';
import { CollectGate } from './CollectGate';
import { CollectHome } from './CollectHome';
import { SheetForm } from './SheetForm';
import { UnitSheets } from './UnitSheets';

export const collectRoutes: RouteObject[] = [
  {
    path: 'collect',
    element: <CollectGate />,
    children: [
      { index: true, element: <CollectHome /> },
      { path: ':year/units/:unitId', element: <UnitSheets /> },
      { path: ':year/units/:unitId/:form', element: <SheetForm /> },
      { path: ':year/units/:unitId/:form/:respondent', element: <SheetForm /> },
    ],
  },
];
