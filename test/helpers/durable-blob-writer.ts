/**
 * Child process of test/integration/evidence-durability.test.ts: stores one blob in
 * a folder, then prints "ack" (the point where an upload would be acknowledged).
 * Mode `patuh`: FileBlobStore.put; mode `naive`: a plain writeFile, which the
 * test's trace must catch as not flushed (so the check can fail).
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FileBlobStore } from '../../src/services/evidence/blob-store.ts';

const [mode, root] = process.argv.slice(2) as [string, string];
const bytes = new TextEncoder().encode(`evidence ${process.pid} ${Date.now()}`);
const sha = createHash('sha256').update(bytes).digest('hex');
const store = new FileBlobStore(root);
if (mode === 'patuh') await store.put(sha, bytes);
else {
  const target = store.pathOf(sha);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
}
process.stdout.write(`ack ${store.pathOf(sha)}\n`);
