/**
 * The load generator of the sync benchmark, in a child process so that it shares
 * neither the server's event loop nor its CPU accounting: `concurrency` loops, each one device with its own
 * keep-alive connection (node:http, one socket per loop) and its own assessor token,
 * posting pre-built bodies to POST /api/v1/sync one after another. Bounded by a
 * count of submissions and by time. Loopback addresses only.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';

export interface ClientJob {
  port: number;
  concurrency: number;
  /** submissions per request */
  batch: number;
  maxSubmissions: number;
  maxSeconds: number;
  /** one per loop: the device's token and the units it is assigned */
  devices: Array<{ token: string; units: number[] }>;
  /** the indicator codes of one sheet (50) */
  indicators: string[];
  tag: string;
}

export interface ClientResult {
  requests: number;
  submissions: number;
  seconds: number;
  latenciesMs: number[];
  outcomes: Record<string, number>;
  httpErrors: number;
  firstError: string | null;
}

const HOST = '127.0.0.1';

function body(job: ClientJob, loop: number, seq: number): Buffer {
  const device = job.devices[loop % job.devices.length] as { units: number[] };
  const submissions = [];
  for (let b = 0; b < job.batch; b++) {
    const n = seq * job.batch + b;
    submissions.push({
      id: randomUUID(),
      unitId: device.units[n % device.units.length],
      kind: 'observation',
      respondent: `${job.tag}-${loop}-${n}`,
      baseVersion: 0,
      items: job.indicators.map((indicator, i) => ({ indicator, value: (n + i) % 4 === 3 ? null : (n + i) % 4 })),
      clientCreatedAt: '2030-08-14T16:45:00+08:00',
      gps: { lat: -6.9175, lng: 107.6191, accuracy: 8 },
    });
  }
  return Buffer.from(JSON.stringify({ submissions }));
}

function post(
  agent: http.Agent,
  job: ClientJob,
  token: string,
  payload: Buffer,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: HOST,
        port: job.port,
        method: 'POST',
        path: '/api/v1/sync',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': payload.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export async function runJob(job: ClientJob): Promise<ClientResult> {
  const perLoop = Math.ceil(job.maxSubmissions / job.batch / job.concurrency);
  // bodies are built before the clock starts: the client's CPU is not the server's
  const bodies = Array.from({ length: job.concurrency }, (_, loop) =>
    Array.from({ length: perLoop }, (_, seq) => body(job, loop, seq)),
  );
  const latenciesMs: number[] = [];
  const outcomes: Record<string, number> = {};
  let requests = 0;
  let httpErrors = 0;
  let firstError: string | null = null;
  const t0 = performance.now();
  const deadline = t0 + job.maxSeconds * 1000;
  await Promise.all(
    bodies.map(async (list, loop) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const device = job.devices[loop % job.devices.length] as { token: string };
      try {
        for (const payload of list) {
          if (performance.now() > deadline) break;
          const start = performance.now();
          const res = await post(agent, job, device.token, payload);
          latenciesMs.push(performance.now() - start);
          requests += 1;
          if (res.status !== 200) {
            httpErrors += 1;
            firstError ??= `${res.status} ${res.text.slice(0, 300)}`;
            continue;
          }
          for (const r of (JSON.parse(res.text) as { data: { results: Array<{ status: string }> } }).data.results) {
            outcomes[r.status] = (outcomes[r.status] ?? 0) + 1;
          }
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { requests, submissions: requests * job.batch, seconds, latenciesMs, outcomes, httpErrors, firstError };
}

process.on('message', (job: ClientJob) => {
  runJob(job).then(
    (r) => process.send?.({ ok: true, result: r }),
    (e: Error) => process.send?.({ ok: false, error: e.stack ?? e.message }),
  );
});
