/**
 * The collection app, loaded together as one chunk. The service worker precaches it with
 * the shell (web/vite.config.ts names this module to web/sw-plugin.ts), so it opens offline.
 */
export { CollectGate } from './CollectGate';
export { CollectHome } from './CollectHome';
export { SheetForm } from './SheetForm';
export { UnitSheets } from './UnitSheets';
