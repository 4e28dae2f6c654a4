/**
 * Signed-in pages load on demand, so the entry chunk (all the public dashboard downloads)
 * holds none of them. A folder's pages come from one module (its `screens.ts`), one chunk.
 */
import { type ComponentType, lazy, type ReactElement, Suspense } from 'react';
import { useRouteError } from 'react-router';
import { ApiError } from '../api/http';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';

/** `lazyPage(screens, 'FollowUpHome')`: the page from `screens()`, the app's spinner while its chunk arrives. */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactElement {
  const Page = lazy<ComponentType>(() => load().then((m) => ({ default: m[name] })));
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

/**
 * A page that could not be shown, inside the app's frame. Most often its chunk could not
 * be fetched (no connection, or a newer build replaced it): told as a network problem,
 * and "try again" loads the app afresh.
 */
export function RouteError() {
  const error = useRouteError();
  const chunkFailed = error instanceof TypeError && /import|module/i.test(error.message);
  return (
    <ErrorNotice
      error={chunkFailed ? new ApiError(0, 'NETWORK', error.message) : error}
      onRetry={() => window.location.reload()}
    />
  );
}
