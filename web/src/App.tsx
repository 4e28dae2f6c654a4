/** Providers and routes. */
import { MantineProvider } from '@mantine/core';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { isApiError } from './api/http';
import { SessionProvider } from './auth/session';
import { collectRoutes } from './collect/routes';
import { AppLayout } from './components/AppLayout';
import { CycleProvider } from './cycle';
import { AdminGate } from './pages/admin/AdminGate';
import { CyclesAdminPage } from './pages/admin/CyclesAdminPage';
import { EntitiesAdminPage } from './pages/admin/EntitiesAdminPage';
import { ImportsAdminPage } from './pages/admin/ImportsAdminPage';
import { OfficesAdminPage } from './pages/admin/OfficesAdminPage';
import { UsersAdminPage } from './pages/admin/UsersAdminPage';
import { EntityPage } from './pages/EntityPage';
import { fieldworkRoutes } from './pages/fieldwork/routes';
import { followUpRoutes } from './pages/followup/routes';
import { HomeRedirect } from './pages/HomeRedirect';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OverviewPage } from './pages/OverviewPage';
import { publicRoutes } from './pages/public/routes';
import { UnitPage } from './pages/UnitPage';
import { cssVariablesResolver, theme } from './theme';

const queryClient: QueryClient = new QueryClient({
  // a 401 while the app thinks someone is signed in: the session ended, ask again who is here
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isApiError(error) && error.status === 401 && query.queryKey[0] !== 'auth') {
        void queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
      }
    },
  }),
  defaultOptions: {
    queries: {
      // offline, ask anyway: the service worker answers from its copies (the collection app)
      networkMode: 'always',
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx answers do not change by asking again
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { networkMode: 'always' },
  },
});

/** Session and cycle need the router (they read the location). */
function Root() {
  return (
    <SessionProvider>
      <CycleProvider>
        <Outlet />
      </CycleProvider>
    </SessionProvider>
  );
}

const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'cycles/:year', element: <OverviewPage /> },
          { path: 'cycles/:year/entities/:code', element: <EntityPage /> },
          { path: 'cycles/:year/units/:unitId', element: <UnitPage /> },
          {
            path: 'admin/cycles',
            element: <AdminGate page="cycles" />,
            children: [{ index: true, element: <CyclesAdminPage /> }],
          },
          {
            path: 'admin/entities',
            element: <AdminGate page="entities" />,
            children: [{ index: true, element: <EntitiesAdminPage /> }],
          },
          {
            path: 'admin/offices',
            element: <AdminGate page="offices" />,
            children: [{ index: true, element: <OfficesAdminPage /> }],
          },
          {
            path: 'admin/users',
            element: <AdminGate page="users" />,
            children: [{ index: true, element: <UsersAdminPage /> }],
          },
          {
            path: 'admin/imports',
            element: <AdminGate page="imports" />,
            children: [{ index: true, element: <ImportsAdminPage /> }],
          },
          ...collectRoutes,
          ...fieldworkRoutes,
          ...followUpRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
  // the public dashboard: no session, its own frame and chunk
  ...publicRoutes,
]);

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
