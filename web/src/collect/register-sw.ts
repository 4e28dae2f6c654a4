/**
 * Registers the service worker (web/public/sw.js) in a built app, so the app opens
 * and the collector works without a connection. Not in `vite dev`: a worker caching
 * the dev server's modules would only get in the way. The signed-in app's frame
 * (components/AppLayout.tsx) calls it, the public dashboard does not: its visitors
 * would otherwise download the app shell and the collection app into the worker's cache.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // no worker (private mode, an old browser): the app still works online
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** Whether this page is served by the worker, i.e. will open again offline. */
export function offlineReady(): boolean {
  return 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;
}
