/**
 * `patuh serve` as a process (issue 12): one process per PGlite folder (finding 2),
 * a graceful stop on SIGTERM (finding 4), the demo password kept out of stdout
 * (finding 9). Real processes on a data folder of their own, or on a PostgreSQL
 * database of their own where that applies.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliWorkspace } from '../helpers/cli.ts';
import { startServer } from '../helpers/server-process.ts';

const onPglite = !process.env.PATUH_TEST_DATABASE_URL;
const PASSWORD = 'kata-sandi-uji-7Qx!';

const cli = cliWorkspace('serve_process');
const lockFile = path.join(cli.dataDir, 'pglite.lock');
let token = '';

beforeAll(async () => {
  await cli.setUp();
  const made = await cli.patuhStdin(
    PASSWORD,
    'user',
    'create',
    '--email',
    'admin@serve.test',
    '--role',
    'admin',
    '--password-stdin',
  );
  expect(made.code, made.stderr).toBe(0);
  const t = await cli.patuh('token', 'create', '--email', 'admin@serve.test', '--name', 'serve test', '--json');
  expect(t.code, t.stderr).toBe(0);
  token = (JSON.parse(t.stdout) as { token: string }).token;
});
afterAll(() => cli.tearDown());

async function emails(): Promise<string[]> {
  const r = await cli.patuh('user', 'list', '--json');
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { email: string }[]).map((u) => u.email);
}

function createUser(email: string) {
  return cli.patuhStdin(PASSWORD, 'user', 'create', '--email', email, '--role', 'admin', '--password-stdin');
}

describe.skipIf(!onPglite)('one process per PGlite data folder', () => {
  it('refuses a second process while the server holds the folder, saying what to do; writes nothing', async () => {
    const server = await startServer(cli);
    const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; command: string };
    expect(lock).toMatchObject({ pid: server.child.pid, command: 'serve' });

    // a second process, as a person would start it
    const refused = cli.patuhProcess(
      { input: PASSWORD },
      ...['user', 'create', '--email', 'second@serve.test', '--role', 'admin', '--password-stdin'],
    );
    expect(refused.stdout).not.toMatch(/created/);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`in use by process ${server.child.pid} (patuh serve)`);
    expect(refused.stderr).toMatch(/Stop the server first/);
    expect(refused.stderr).toMatch(/through the running server/);
    expect(refused.stderr).toMatch(/DATABASE_URL/);

    // a copy of the folder (as the e2e tests read the server's data) carries the lock file, not the lock
    const copy = mkdtempSync(path.join(tmpdir(), 'patuh-serve-copy-'));
    cpSync(cli.dataDir, copy, { recursive: true });
    const onCopy = await cli.patuhWith({ PATUH_DATA_DIR: copy }, 'user', 'list', '--json');
    expect(onCopy.code, onCopy.stderr).toBe(0);

    // kill -9: no clean-up runs, the lock file stays, and must not block the folder
    server.child.kill('SIGKILL');
    expect((await server.exited).signal).toBe('SIGKILL');
    expect(existsSync(lockFile)).toBe(true);

    expect(await emails()).not.toContain('second@serve.test'); // the refused command wrote nothing
    const made = await createUser('second@serve.test');
    expect(made.code, made.stderr).toBe(0);
    expect(await emails()).toContain('second@serve.test');
    expect(existsSync(lockFile)).toBe(false); // released by the command that took it over
  });
});

/** POST /api/v1/users, the body sent in two halves: the second when `release` resolves. */
function postInTwoHalves(url: string, body: string, release: Promise<unknown>) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(`${url}/api/v1/users`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => {
        text += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    void release.then(() => req.end(body.slice(half)), reject);
  });
}

describe('SIGTERM stops patuh serve gracefully', () => {
  it('answers the request in flight, closes the database, exits 0; the write is there afterwards', async () => {
    const server = await startServer(cli, [], { LOG_LEVEL: 'info' });
    const body = JSON.stringify({ email: 'inflight@serve.test', role: 'admin', password: PASSWORD });
    let signalled: () => void = () => {};
    const afterSignal = new Promise<void>((r) => {
      signalled = r;
    });
    const response = postInTwoHalves(server.url, body, afterSignal);
    // the server has the request (its headers, half its body) before the signal
    await server.waitFor(/"url":"\/api\/v1\/users".*"msg":"incoming request"/);
    server.child.kill('SIGTERM');
    await server.waitFor(/stopping \(SIGTERM\): finishing the requests in flight/);
    signalled();

    const answered = await response;
    expect(answered.status, answered.text).toBe(201);
    expect((await server.exited).code).toBe(0);
    expect(server.stdout()).toMatch(/stopped: every request answered/);
    if (onPglite) expect(existsSync(lockFile)).toBe(false);
    expect(await emails()).toContain('inflight@serve.test');
  });
});

describe('the demo admin password', () => {
  const demo = cliWorkspace('serve_demo');
  beforeAll(() => demo.setUp());
  afterAll(() => demo.tearDown());

  it('goes to a file only its owner may read, not to stdout; the file says where, and the password signs in', async () => {
    const server = await startServer(demo, ['--demo']);
    const file = path.join(demo.dataDir, 'demo-admin-password.txt');
    expect(server.stdout()).toContain(`the password in ${file}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const [email, password] = readFileSync(file, 'utf8').split('\n');
    expect(email).toBe('admin@patuh.local');
    expect(password).toMatch(/^\S{20}$/);
    expect(server.stdout()).not.toContain(password);

    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    expect(server.stdout()).not.toContain(password);
  });
});
