/**
 * A fuzzer of the HTTP API (issue 12, finding 6): every operation of /api/openapi.json
 * gets requests whose path parameters, query and body carry hostile values (NUL,
 * lone surrogates, huge and negative integers, impossible dates, very long strings,
 * wrong types, malformed JSON and multipart, odd characters in the path). Requests
 * are drawn with fast-check from a fixed seed, so a run is the same every time.
 * The integration suite sends a few thousand (test/integration/fuzz-api.test.ts);
 * `npm run bench -- --fuzz` sends 20,000 (bench/fuzz.ts).
 */

import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Auth } from './api.ts';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
};

export interface Operation {
  method: string;
  /** the OpenAPI path, e.g. /api/v1/cycles/{year}/results */
  path: string;
  params: string[];
  query: Array<{ name: string; schema: JsonSchema }>;
  body: JsonSchema | null;
  multipart: boolean;
}

/** The operations of an OpenAPI document. */
export function operationsOf(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = (op.parameters ?? []) as Array<{ in: string; name: string; schema?: JsonSchema }>;
      const content = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content;
      ops.push({
        method: method.toUpperCase(),
        path,
        params: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: content?.['application/json']?.schema ?? null,
        multipart:
          path.includes('/imports/') || path.endsWith('/evidence') || Boolean(content?.['multipart/form-data']),
      });
    }
  }
  return ops;
}

// --- hostile values ---
const LONG = 'x'.repeat(300_000);
export const HOSTILE_STRINGS = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  '2025-02-30',
  '2025-13-01',
  '2024-02-30T10:00:00Z',
  '0000-00-00',
  '9999-99-99T99:99:99Z',
  '2147483648',
  '-2147483649',
  '99999999999999999999999',
  '1e400',
  '-1',
  '0',
  'NaN',
  ' ',
  '',
  '../../etc/passwd',
  "'; drop table users; --",
  '%00',
  '=HYPERLINK("x")',
  '\u202e\ufeff',
  '😀'.repeat(50),
  'x'.repeat(5_000),
  LONG,
];
const HOSTILE_NUMBERS = [2147483648, 2 ** 53, 1e308, -1, -2147483649, 0, 1.5, -0.5, 2 ** 31 * 1000, -(2 ** 53)];
const WRONG_TYPES: unknown[] = [null, true, false, [], {}, [[[]]], { a: { b: { c: '\u0000' } } }, [null, '\ud800']];

/** Path segments with odd characters, already as they go on the wire (some are not valid UTF-8). */
const HOSTILE_SEGMENTS = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%FF%FE',
  '%C0%AE%C0%AE',
  '..',
  '%2e%2e%2f',
  '2147483648',
  '-1',
  '0',
  '1.5',
  '1e3',
  '99999999999999999999',
  '%20',
  'x'.repeat(90),
  'x'.repeat(2_000),
  '%25',
  '2025-02-30',
  '%F0%9F%98%80',
  'null',
];

/** Plausible values per parameter name, so that requests reach past the first check. */
const PLAUSIBLE: Record<string, string> = {
  year: '2022',
  code: '32.75',
  unitId: '1',
  id: '1',
  sha256: 'a'.repeat(64),
  format: 'csv',
};

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom<unknown>(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...WRONG_TYPES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 52), max: 2 ** 52 }) },
);

const first = <T>(xs: T[] | undefined): T | undefined => xs?.[0];

/** Plausible body values per property name (the rest by type), so that requests reach the services. */
const PLAUSIBLE_FIELDS: Record<string, unknown> = {
  year: 2022,
  entity: '32.75',
  office: '32',
  email: 'fuzz@test.id',
  password: 'a long enough password 1',
  edition: 'pemda-2022',
  bandScheme: 'zones-2021',
  indicator: 'PR.STD.01',
  unitId: 1,
  assessorId: 1,
};

/** A value that fits the schema roughly (a start from which one field is made hostile). */
function plausible(s: JsonSchema | undefined, depth = 0, name = ''): unknown {
  if (name in PLAUSIBLE_FIELDS && depth > 0) return PLAUSIBLE_FIELDS[name];
  if (!s || depth > 4) return 'x';
  const alt = first(s.anyOf) ?? first(s.oneOf) ?? first(s.allOf);
  if (alt) return plausible(alt, depth + 1, name);
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [plausible(s.items, depth + 1)];
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(v, depth + 1, k)]));
    default:
      return s.format === 'date' ? '2025-01-31' : s.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'x';
  }
}

/** The schema's leaf paths (object properties and array items), to put a hostile value at one of them. */
function leafPaths(
  s: JsonSchema | undefined,
  prefix: Array<string | number> = [],
  depth = 0,
): Array<Array<string | number>> {
  if (!s || depth > 4) return [prefix];
  const alt = first(s.anyOf) ?? first(s.oneOf) ?? first(s.allOf);
  if (alt) return leafPaths(alt, prefix, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'object' && s.properties) {
    const out = [prefix];
    for (const [k, v] of Object.entries(s.properties)) out.push(...leafPaths(v, [...prefix, k], depth + 1));
    return out;
  }
  if (type === 'array') return [prefix, ...leafPaths(s.items, [...prefix, 0], depth + 1)];
  return [prefix];
}

function setAt(root: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  const base = (root !== null && typeof root === 'object' ? root : typeof head === 'number' ? [] : {}) as Record<
    string | number,
    unknown
  >;
  const copy = (Array.isArray(base) ? [...base] : { ...base }) as Record<string | number, unknown>;
  copy[head] = setAt(base[head], rest, value);
  return copy;
}

const MALFORMED_JSON = [
  '{',
  '{"a":',
  '[1,2',
  'nul',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '"\\x"',
  '{}}',
  '\u0000',
  ' ',
];

/** Multipart bodies that are broken in one way or another, or carry hostile names. */
function multipartBodies(): Array<{ payload: string | Buffer; contentType: string }> {
  const b = 'fuzzboundary';
  const part = (name: string, filename: string, content: string) =>
    `--${b}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\n` +
    `Content-Type: application/octet-stream\r\n\r\n${content}\r\n`;
  const ct = `multipart/form-data; boundary=${b}`;
  return [
    { payload: `${part('file', 'a.csv', 'entity,score\nX,1')}`, contentType: ct }, // no closing boundary
    { payload: `--${b}\r\nno headers\r\n--${b}--\r\n`, contentType: ct },
    { payload: `${part('file', 'a.csv', 'x')}--${b}--\r\n`, contentType: 'multipart/form-data' }, // no boundary
    { payload: `${part('file', 'a.csv', 'x')}--${b}--\r\n`, contentType: 'multipart/form-data; boundary=' },
    { payload: `${part('file', 'a\u0000.csv', 'entity,score\nKota\u0000,1')}--${b}--\r\n`, contentType: ct },
    { payload: `${part('file', 'a.csv', 'entity,score\n\ud800,1\n')}--${b}--\r\n`, contentType: ct },
    { payload: `${part('file', 'a.csv', 'entity,score\nKota Bandung,99999999999\n')}--${b}--\r\n`, contentType: ct },
    { payload: `${part('other', 'a.xlsx', 'PK\u0003\u0004garbage')}--${b}--\r\n`, contentType: ct },
    { payload: `${part('file', 'a.xlsx', 'PK\u0003\u0004garbage')}--${b}--\r\n`, contentType: ct },
    { payload: Buffer.from([0x2d, 0x2d, 0xff, 0xfe, 0x00, 0x0d, 0x0a]), contentType: ct },
    { payload: '', contentType: ct },
    { payload: `--${b}--\r\n`, contentType: ct },
  ];
}

export interface FuzzRequest {
  method: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
}

/** One request for an operation, drawn from fast-check's random source. */
function requestArb(op: Operation): fc.Arbitrary<FuzzRequest> {
  const segment = (name: string) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(PLAUSIBLE[name] ?? '1') },
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
    );
  const params = fc.tuple(...op.params.map(segment), fc.constant(''));
  const queryValue = fc.oneof(
    fc.constantFrom(...HOSTILE_SEGMENTS),
    fc.constantFrom('2147483648', '-5', '2025-02-30', '2025-02-30T00:00:00Z', 'abc', '%ED%A0%80', '%00', 'a&b=c'),
  );
  const query = fc.array(
    fc.tuple(fc.constantFrom(...(op.query.length ? op.query.map((q) => q.name) : ['x'])), queryValue),
    { maxLength: 3 },
  );
  const leaves = leafPaths(op.body ?? undefined);
  const jsonBody: fc.Arbitrary<Pick<FuzzRequest, 'payload' | 'contentType'>> = fc
    .tuple(fc.array(fc.tuple(fc.constantFrom(...leaves), hostile), { minLength: 0, maxLength: 3 }))
    .map(([edits]) => {
      let body = plausible(op.body ?? undefined);
      for (const [path, v] of edits) body = setAt(body, path, v);
      return { payload: JSON.stringify(body), contentType: 'application/json' };
    });
  const bodies: Array<fc.Arbitrary<Pick<FuzzRequest, 'payload' | 'contentType'>>> = [
    jsonBody,
    fc.constantFrom(...MALFORMED_JSON).map((payload) => ({ payload, contentType: 'application/json' })),
    fc.constant({ payload: 'a=\u0000', contentType: 'text/plain' }),
  ];
  if (op.multipart) bodies.push(fc.constantFrom(...multipartBodies()));
  const body = op.method === 'GET' || op.method === 'DELETE' ? fc.constant({}) : fc.oneof(...bodies);
  return fc.tuple(params, query, body).map(([values, q, b]) => {
    let i = 0;
    const path = op.path.replace(/\{[^}]+\}/g, () => values[i++] as string);
    const search = q.map(([k, v]) => `${k}=${v}`).join('&');
    return { method: op.method, url: search ? `${path}?${search}` : path, ...b };
  });
}

export interface FuzzFinding {
  who: string;
  method: string;
  url: string;
  status: number;
  body: string;
  payload?: string;
}

export interface FuzzOutcome {
  sent: number;
  /** status code → count */
  statuses: Record<number, number>;
  fiveXX: FuzzFinding[];
}

async function inject(app: FastifyInstance, auth: Auth | null, r: FuzzRequest): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (r.contentType) headers['content-type'] = r.contentType;
  if (auth?.bearer) headers.authorization = `Bearer ${auth.bearer}`;
  if (auth?.csrf && r.method !== 'GET') headers['x-csrf-token'] = auth.csrf;
  const opts: InjectOptions = { method: r.method as InjectOptions['method'], url: r.url, headers };
  if (auth?.cookies) opts.cookies = auth.cookies;
  if (r.payload !== undefined) opts.payload = r.payload;
  return app.inject(opts);
}

/** Routes whose success ends the caller's session: the signed-in callers skip them. */
const ENDS_SESSION = new Set(['/api/v1/auth/logout', '/api/v1/auth/logout-all']);

/**
 * Sends `perOperation` requests to every operation for every caller. A signed-in
 * caller whose session a request ended (a user deactivated, say) is signed in again
 * by `resignIn`, so the rest of the run still reaches past authentication.
 */
export async function fuzzApi(
  app: FastifyInstance,
  callers: Record<string, Auth | null>,
  opts: { seed: number; perOperation: number; resignIn?: (who: string) => Promise<Auth> },
): Promise<FuzzOutcome> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const ops = operationsOf(doc);
  const out: FuzzOutcome = { sent: 0, statuses: {}, fiveXX: [] };
  let k = 0;
  for (const op of ops) {
    k += 1;
    const requests = fc.sample(requestArb(op), { seed: opts.seed + k, numRuns: opts.perOperation });
    for (const [who, initial] of Object.entries(callers)) {
      if (initial && ENDS_SESSION.has(op.path)) continue;
      let auth = initial;
      for (const r of requests) {
        const res = await inject(app, auth, r);
        out.sent += 1;
        out.statuses[res.statusCode] = (out.statuses[res.statusCode] ?? 0) + 1;
        if (res.statusCode >= 500) {
          const payload = typeof r.payload === 'string' ? r.payload.slice(0, 300) : r.payload?.toString('latin1');
          out.fiveXX.push({
            who,
            method: r.method,
            url: r.url.slice(0, 300),
            status: res.statusCode,
            body: res.body.slice(0, 500),
            ...(payload ? { payload } : {}),
          });
        }
      }
      if (auth && opts.resignIn) {
        const me = await inject(app, auth, { method: 'GET', url: '/api/v1/auth/me' });
        if (me.statusCode === 401) auth = await opts.resignIn(who);
        callers[who] = auth;
      }
    }
  }
  return out;
}
