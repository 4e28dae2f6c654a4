/**
 * HTTP tests against the real server (buildServer + app.inject) on a test database:
 * a small world with one user per role, signed in once per file (argon2 is slow on
 * purpose), and a client that sends the session cookie and CSRF header, or a bearer token.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/domain/access/roles.ts';
import { buildServer, type ServerOptions } from '../../src/http/server.ts';
import { createUser } from '../../src/services/auth/create-user.ts';
import { createToken } from '../../src/services/auth/manage-tokens.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { loadDemoIfEmpty } from '../../src/services/demo.ts';
import { importResults } from '../../src/services/imports/import-results.ts';
import { createTestContext, type TestContext } from './db.ts';
import { csvFile } from './files.ts';

export const PASSWORD = 'password-for-tests';

/** Who asks: the five roles, the public, and an API token (made by the office head of province A). */
export const WHO = ['admin', 'central', 'office_head', 'assessor', 'entity_official', 'anonymous', 'token'] as const;
export type Who = (typeof WHO)[number];

/** Province A (Jawa Barat) holds entity X (Kota Bekasi) and Z (Kota Bandung); province B (Sulawesi Tenggara) holds Y (Kota Kendari). */
export const A = '32';
export const X = '32.75';
export const Z = '32.73';
export const Y = '74.71';

export interface Auth {
  cookies?: Record<string, string>;
  csrf?: string;
  bearer?: string;
}

export function cookiesOf(res: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries((res.cookies as Array<{ name: string; value: string }>).map((c) => [c.name, c.value]));
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Auth> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookies = cookiesOf(res);
  return { cookies, csrf: cookies.patuh_csrf as string };
}

export interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  /** a multipart upload in the field "file" */
  upload?: { filename: string; content: string };
  headers?: Record<string, string>;
}

export function multipart(filename: string, content: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----patuh${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  );
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function send(app: FastifyInstance, auth: Auth | null, c: Call): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(c.headers ?? {}) };
  const opts: InjectOptions = { method: c.method, url: c.url, headers };
  if (auth?.bearer) headers.authorization = `Bearer ${auth.bearer}`;
  if (auth?.cookies) opts.cookies = auth.cookies;
  if (auth?.csrf && c.method !== 'GET') headers['x-csrf-token'] = auth.csrf;
  if (c.upload) {
    const m = multipart(c.upload.filename, c.upload.content);
    opts.payload = m.payload;
    Object.assign(headers, m.headers);
  } else if (c.body !== undefined) opts.payload = c.body as InjectOptions['payload'];
  return app.inject(opts);
}

export interface World {
  t: TestContext;
  app: FastifyInstance;
  auth: Record<Who, Auth | null>;
  users: Record<Role, { id: number; email: string }>;
  close(): Promise<void>;
}

/**
 * The demo (2022: Kota Bekasi and Kota Kendari from answers), a published 2022
 * result for Kota Bandung, one user per role (office roles in province A, the
 * official of X) signed in, and an API token of the office head.
 */
export async function buildWorld(opts: ServerOptions = {}): Promise<World> {
  const t = await createTestContext();
  await loadDemoIfEmpty(t.ctx);
  await importResults(
    t.ctx,
    csvFile(
      [
        ['entity', 'score'],
        ['Kota Bandung', '75.5'],
      ],
      'bandung',
    ),
    2022,
  );
  const scopes: Record<Role, { entity?: string; office?: string }> = {
    admin: {},
    central: {},
    office_head: { office: A },
    assessor: { office: A },
    entity_official: { entity: X },
  };
  const users = {} as World['users'];
  for (const role of Object.keys(scopes) as Role[]) {
    const u = await createUser(t.ctx, SYSTEM, { email: `${role}@test.id`, role, password: PASSWORD, ...scopes[role] });
    users[role] = { id: u.id, email: u.email };
  }
  const app = await buildServer(t.ctx, { logLevel: 'silent', webDist: null, ...opts });
  const auth = { anonymous: null } as World['auth'];
  for (const role of Object.keys(scopes) as Role[]) auth[role] = await signIn(app, users[role].email);
  const token = await createToken(t.ctx, SYSTEM, { name: 'matrix', ownerId: users.office_head.id });
  auth.token = { bearer: token.token };
  return {
    t,
    app,
    auth,
    users,
    close: async () => {
      await app.close();
      await t.close();
    },
  };
}

/** The parsed JSON body; loosely typed on purpose, the tests assert its shape. */
// biome-ignore lint/suspicious/noExplicitAny: test bodies are checked by expect(), not by the type system
export const json = (res: LightMyRequestResponse): any => JSON.parse(res.body);
