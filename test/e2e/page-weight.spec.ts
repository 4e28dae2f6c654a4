/**
 * What a phone downloads for the public dashboard (issue 11, item 10): the bytes on
 * the wire for /publik, counted by Chromium itself (CDP Network.loadingFinished), are
 * at most half of the 1.24 MB it sent before static assets were precompressed. This
 * counts bytes, not time: how long it takes on slow 3G belongs in the benchmarks.
 */
import { expect, test } from '@playwright/test';

const BEFORE = 1_240_000;

test('the public dashboard sends at most half of what it did before precompression', async ({ page, context }) => {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  const encodings = new Map<string, string>();
  cdp.on('Network.responseReceived', (e) => {
    const enc = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'];
    if (e.response.url.includes('/assets/')) encodings.set(e.response.url, enc ?? 'identity');
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
  });
  await page.goto('/publik');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(encodings.size).toBeGreaterThan(0);
  // every asset of a kilobyte or more comes compressed (smaller ones are not worth it)
  expect([...encodings.values()].filter((e) => e === 'br').length).toBeGreaterThan(5);
  expect(bytes).toBeLessThanOrEqual(BEFORE / 2);
  test.info().annotations.push({ type: 'bytes', description: String(bytes) });
  console.log(`/publik: ${bytes} bytes on the wire`);
});
