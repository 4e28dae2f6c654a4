/**
 * Static assets are served precompressed (issue 11, item 10): the build writes .br and
 * .gz beside each text asset (web/compress-plugin.ts) and the server sends the one a
 * browser accepts (src/http/web-app.ts), byte-identical to the original once decoded.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from '../src/http/web-app.ts';
import { precompress } from '../web/compress-plugin.ts';

let dist: string;
const js = `export const words = ${JSON.stringify('pelayanan publik '.repeat(400))};\n`;

beforeAll(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'patuh-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), `<!doctype html><title>Patuh</title>${'<p>x</p>'.repeat(200)}`);
  writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), js);
  writeFileSync(path.join(dist, 'assets', 'tiny-abc123.js'), 'export{}');
  writeFileSync(path.join(dist, 'assets', 'app-abc123.js.map'), '{}'.padEnd(4096, ' '));
  const plugin = precompress() as unknown as {
    configResolved(c: { root: string; build: { outDir: string } }): void;
    closeBundle: { handler(): void };
  };
  plugin.configResolved({ root: dist, build: { outDir: '.' } });
  plugin.closeBundle.handler();
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('precompressed static assets', () => {
  it('writes brotli and gzip beside text assets, not beside tiny files or source maps', () => {
    const file = path.join(dist, 'assets', 'app-abc123.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(js);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(js);
    expect(() => readFileSync(path.join(dist, 'assets', 'tiny-abc123.js.br'))).toThrow();
    expect(() => readFileSync(path.join(dist, 'assets', 'app-abc123.js.map.br'))).toThrow();
  });

  it('serves brotli, gzip or the plain file by what the browser accepts', async () => {
    const app = Fastify();
    expect(await registerWebApp(app, dist)).toBe(true);
    const get = (encoding?: string) =>
      app.inject({ url: '/assets/app-abc123.js', headers: encoding ? { 'accept-encoding': encoding } : {} });
    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);
    expect(br.rawPayload.length).toBeLessThan(js.length / 4);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js);
    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
    await app.close();
  });
});
