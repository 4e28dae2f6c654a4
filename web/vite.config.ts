/**
 * The web app's build: root web/, output web/dist (served by the Patuh server).
 * `vite --config web/vite.config.ts` proxies /api to a local `patuh serve` on :3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import mantinePreset from 'postcss-preset-mantine';
import { defineConfig } from 'vite';
import { precompress } from './compress-plugin';
import { serviceWorkerShell } from './sw-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));
const shared = fileURLToPath(new URL('../src/shared', import.meta.url));
/** where `vite` and `vite preview` send /api (default: a local `patuh serve`) */
const api = process.env.PATUH_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  // the service worker's precache list (web/public/sw.js is filled in after the build):
  // the shell and the collection app, which must open offline
  plugins: [react(), serviceWorkerShell({ offline: ['src/collect/screens.ts'] }), precompress()],
  // the API contract (zod schemas and types) shared with the server
  resolve: { alias: { '@shared': shared } },
  css: { postcss: { plugins: [mantinePreset()] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // the strict CSP forbids inline scripts: never inline the module preload polyfill
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            // the libraries every page needs, the public dashboard's too: apart, so a deploy of the app alone keeps them cached
            { name: 'vendor', test: /node_modules[\\/](@tanstack|i18next|react-i18next|zod)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
});
