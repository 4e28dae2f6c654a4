/**
 * A child process that uploads one import file over HTTP (loopback only) and prints
 * {status, seconds, body} as JSON: the benchmark's client stays out of the server's
 * process, as a browser or script would.
 */
import { openAsBlob } from 'node:fs';
import path from 'node:path';

const [url = '', file = '', cookie = '', csrf = ''] = process.argv.slice(2);
if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`loopback URL expected, got ${url}`);
const form = new FormData();
form.append('file', await openAsBlob(file), path.basename(file));
const t0 = performance.now();
const res = await fetch(url, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf }, body: form });
const body = await res.text();
process.stdout.write(
  JSON.stringify({ status: res.status, seconds: (performance.now() - t0) / 1000, body: body.slice(0, 500) }),
);
