/**
 * Patuh's service worker: the app shell offline, and the API answers the collector
 * needs, network-first with an IndexedDB copy to fall back on.
 *
 *  - Shell: index.html and the files Vite emitted for it are precached at install
 *    (the build writes the list into BUILD below: web/sw-plugin.ts). Every page
 *    request is answered with the cached index.html (the app routes in the browser);
 *    hashed assets come from the cache first; other same-origin files are cached as
 *    they are fetched.
 *  - API: GETs of the session, the cycles, the collector's assignments and the
 *    cycle instrument go to the network first; a successful answer is copied into
 *    IndexedDB ("patuh-sw", store "responses"); with no network (or no answer within
 *    a few seconds) the copy is served, marked with the header x-patuh-offline.
 *    Signing in or out clears the copies. Nothing else of the API is touched.
 * Plain JavaScript on purpose: it is served as is, outside the app's bundle.
 */

// The build replaces the next line with the shell's files and a version.
const BUILD = { version: 'dev', files: [] };

const SHELL = `patuh-shell-${BUILD.version}`;
const RUNTIME = 'patuh-runtime';
const API_TIMEOUT_MS = 6000;
const CACHED_API = [
  /^\/api\/v1\/auth\/me$/,
  /^\/api\/v1\/cycles$/,
  /^\/api\/v1\/me\/assignments$/,
  /^\/api\/v1\/cycles\/\d{4}\/instrument$/,
];
const SESSION_CHANGES = /^\/api\/v1\/auth\/(login|logout|logout-all)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll(BUILD.files.map((f) => new Request(f, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // an older build's shell, and files cached on the way (an older build's chunks among them)
      for (const name of await caches.keys()) {
        if ((name.startsWith('patuh-shell-') && name !== SHELL) || name === RUNTIME) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method !== 'GET') {
    if (SESSION_CHANGES.test(url.pathname)) event.waitUntil(clearResponses());
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    if (CACHED_API.some((re) => re.test(url.pathname))) event.respondWith(networkFirst(req, url));
    return;
  }
  if (req.mode === 'navigate') {
    event.respondWith(appShell(req));
    return;
  }
  event.respondWith(cacheFirst(req, url));
});

/** Every page of the app is index.html: from the precache, else the network. */
async function appShell(req) {
  const cached = await caches.match('/index.html', { cacheName: SHELL });
  if (cached) return cached;
  return fetch(req);
}

async function cacheFirst(req, url) {
  const hit = await caches.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok && res.type === 'basic' && !url.pathname.endsWith('/sw.js')) {
    const copy = res.clone();
    const cache = await caches.open(RUNTIME);
    await cache.put(req, copy);
  }
  return res;
}

// --- API copies in IndexedDB ---
function openCopies() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('patuh-sw', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('responses', { keyPath: 'url' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function withStore(mode, run) {
  const db = await openCopies();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction('responses', mode);
      const result = run(tx.objectStore('responses'));
      tx.oncomplete = () => resolve(result.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

const saveCopy = (url, body, type) =>
  withStore('readwrite', (s) => s.put({ url, body, type, at: new Date().toISOString() }));
const readCopy = (url) => withStore('readonly', (s) => s.get(url));
const clearResponses = () => withStore('readwrite', (s) => s.clear()).catch(() => undefined);

function timeout(ms) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
}

async function networkFirst(req, url) {
  const key = url.pathname + url.search;
  const network = fetch(req).then(async (res) => {
    if (res.ok) {
      const body = await res.clone().text();
      await saveCopy(key, body, res.headers.get('content-type') || 'application/json').catch(() => undefined);
    }
    return res;
  });
  try {
    return await Promise.race([network, timeout(API_TIMEOUT_MS)]);
  } catch (error) {
    const copy = await readCopy(key).catch(() => undefined);
    if (copy) {
      return new Response(copy.body, {
        status: 200,
        headers: { 'content-type': copy.type, 'cache-control': 'no-store', 'x-patuh-offline': copy.at },
      });
    }
    // no copy: wait for the network after all (a slow answer beats none), else fail as fetch does
    if (error instanceof Error && error.message === 'timeout') return network;
    throw error;
  }
}
