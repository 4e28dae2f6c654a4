/** Providers and routes. */
import { MantineProvider } from '@mantine/core';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { isApiError } from './api/http';
import { SessionProvider } from './auth/session';
import { collectRoutes } from './collect/routes';
import { AppLayout } from './components/AppLayout';
import { lazyPage, RouteError } from './components/LazyPage';
import { CycleProvider } from './cycle';
import { AdminGate } from './pages/admin/AdminGate';
import { fieldworkRoutes } from './pages/fieldwork/routes';
import { followUpRoutes } from './pages/followup/routes';
import { HomeRedirect } from './pages/HomeRedirect';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { publicRoutes } from './pages/public/routes';
import { cssVariablesResolver, theme } from './theme';

// The signed-in pages load on demand (components/LazyPage.tsx): the entry chunk is what
// /publik downloads too. The login page is small and the way in, so it stays.
const overview = () => import('./pages/OverviewPage');
const entity = () => import('./pages/EntityPage');
const unit = () => import('./pages/UnitPage');
const admin = () => import('./pages/admin/screens');

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
          {
            // a page that fails (its chunk could not be fetched, say) is told inside the frame
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomeRedirect /> },
              { path: 'login', element: <LoginPage /> },
              { path: 'cycles/:year', element: lazyPage(overview, 'OverviewPage') },
              { path: 'cycles/:year/entities/:code', element: lazyPage(entity, 'EntityPage') },
              { path: 'cycles/:year/units/:unitId', element: lazyPage(unit, 'UnitPage') },
              {
                path: 'admin/cycles',
                element: <AdminGate page="cycles" />,
                children: [{ index: true, element: lazyPage(admin, 'CyclesAdminPage') }],
              },
              {
                path: 'admin/entities',
                element: <AdminGate page="entities" />,
                children: [{ index: true, element: lazyPage(admin, 'EntitiesAdminPage') }],
              },
              {
                path: 'admin/offices',
                element: <AdminGate page="offices" />,
                children: [{ index: true, element: lazyPage(admin, 'OfficesAdminPage') }],
              },
              {
                path: 'admin/users',
                element: <AdminGate page="users" />,
                children: [{ index: true, element: lazyPage(admin, 'UsersAdminPage') }],
              },
              {
                path: 'admin/imports',
                element: <AdminGate page="imports" />,
                children: [{ index: true, element: lazyPage(admin, 'ImportsAdminPage') }],
              },
              ...collectRoutes,
              ...fieldworkRoutes,
              ...followUpRoutes,
              { path: '*', element: <NotFoundPage /> },
            ],
          },
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
