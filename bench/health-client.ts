/**
 * A child process that asks GET /api/v1/health one request at a time, every 20 ms,
 * and records each latency; it stops on "stop" on stdin (or after MAX_SECONDS or
 * MAX_REQUESTS) and prints the latencies in milliseconds as JSON. Loopback only.
 */
const url = process.argv[2] ?? '';
if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`loopback URL expected, got ${url}`);
const MAX_SECONDS = 900;
const MAX_REQUESTS = 100_000;
let stop = false;
process.stdin.on('data', (d) => {
  if (String(d).includes('stop')) stop = true;
});
const started = performance.now();
const latencies: number[] = [];
let failures = 0;
while (!stop && latencies.length < MAX_REQUESTS && performance.now() - started < MAX_SECONDS * 1000) {
  const t0 = performance.now();
  try {
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status !== 200) failures += 1;
  } catch {
    failures += 1;
  }
  latencies.push(performance.now() - t0);
  await new Promise((r) => setTimeout(r, 20));
}
process.stdout.write(JSON.stringify({ latencies, failures }));
process.exit(0);
