/**
 * Every change audited, in its own transaction (issue 9, item 8): each mutating
 * command of the `patuh` program, as a person runs it, adds to the audit chain, and
 * `patuh audit verify` says it is intact. The commands are enumerated from the
 * commander program, so a new command fails this test until it is listed here as
 * mutating (with a run) or as read-only.
 */
import type { Command } from 'commander';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-chain.ts';
import { cliWorkspace } from '../helpers/cli.ts';
import { csvFile } from '../helpers/files.ts';

const cli = cliWorkspace('cli_audit');
const { patuh, patuhStdin: patuhInput, withDatabase } = cli;

/** Commands that change nothing in the database: they read, print or write files only. */
const READ_ONLY = new Set([
  'instrument show',
  'results',
  'explain',
  'cycle list',
  'user list',
  'sample show',
  'sample verify',
  'audit verify',
  'audit log',
  'report card',
  'report certificate',
  'report cards',
  'rankings',
  'export results',
  'export answers',
  'products list',
  'vertical-offices',
  // reads the database into a folder of files (docs/backup.md)
  'backup',
  // into an EMPTY database only, so not in this workspace: backup.test.ts checks its
  // audit entry (backup.restore) and that the chain verifies after it
  'restore',
  // setup, not a change of data: migrations and the registry at start (every command runs it)
  'migrate',
  // the server: its writes go through the HTTP routes, audited by the same services
  'serve',
]);

function leaves(c: Command, prefix = ''): string[] {
  const name = prefix ? `${prefix} ${c.name()}` : '';
  if (c.commands.length === 0) return [name.trim()];
  return c.commands.flatMap((s) => leaves(s, name || ' '));
}

const answers = csvFile([
  ['entity', 'unit', 'indicator', 'respondent', 'value'],
  ['Kota Bekasi', 'Dinas Sosial', 'PR.STD.01', '', '2'],
]);
const results = csvFile([
  ['entity', 'score'],
  ['Kota Bekasi', '54.50'],
]);
const trust = csvFile([
  ['entity', 'trust_score'],
  ['Kota Bekasi', '71.5'],
]);
const products = csvFile([
  ['entity', 'kind', 'number', 'issued_on', 'due_on', 'status'],
  ['Kota Bekasi', 'lahp', 'LAHP/01/2026', '2026-01-10', '2026-03-31', 'proses'],
]);
/** the product `products add` makes and `products update` changes (all but its status) */
const LHA = [
  '--entity',
  'Kota Bekasi',
  '--kind',
  'lha',
  '--number',
  'LHA/02/2026',
  '--issued',
  '2026-02-01',
  '--due',
  '2026-04-30',
];
/** the id of the product `products add` made (update and remove act on it) */
const addedProduct = async () => {
  const rows = JSON.parse((await patuh('products', 'list', '--entity', 'Kota Bekasi', '--json')).stdout) as Array<{
    id: number;
    number: string;
  }>;
  return String(rows.find((r) => r.number === 'LHA/02/2026')?.id);
};
const candidates = csvFile([
  ['entity', 'unit', 'kind', 'product'],
  ['Kota Bekasi', 'Disdukcapil Kota Bekasi', 'Disdukcapil', 'KTP-el'],
  ['Kota Bekasi', 'Puskesmas Jatibening', 'Puskesmas', 'KIA'],
]);

/**
 * A run of each mutating command, in an order where each can succeed. The product
 * register of the 2025 method (built on another branch) adds its import here when
 * it lands: the enumeration above fails until it is listed.
 */
const MUTATING: Array<[string, () => ReturnType<typeof patuh>]> = [
  [
    'cycle create',
    async () =>
      await patuh(
        'cycle',
        'create',
        '--year',
        '2031',
        '--code',
        '2031-pemda',
        '--edition',
        'pemda-2023',
        '--levels',
        'kota',
      ),
  ],
  ['import answers', async () => await patuh('import', 'answers', answers, '--cycle', '2031', '--no-progress')],
  ['import results', async () => await patuh('import', 'results', results, '--cycle', '2023', '--no-progress')],
  ['sample candidates', async () => await patuh('sample', 'candidates', candidates, '--cycle', '2031-pemda')],
  [
    'sample draw',
    async () => await patuh('sample', 'draw', '--cycle', '2031', '--entity', 'Kota Bekasi', '--seed', 'a'),
  ],
  [
    'user create',
    async () =>
      await patuhInput(
        'a-long-password-1',
        'user',
        'create',
        '--email',
        'a@example.test',
        '--role',
        'admin',
        '--password-stdin',
      ),
  ],
  [
    'user reset-password',
    async () =>
      await patuhInput('a-long-password-2', 'user', 'reset-password', '--email', 'a@example.test', '--password-stdin'),
  ],
  ['token create', async () => await patuh('token', 'create', '--email', 'a@example.test', '--name', 'ci')],
  [
    'import trust',
    async () => {
      const made = await patuh(
        'cycle',
        'create',
        '--year',
        '2032',
        '--edition',
        'maladministrasi-2025',
        '--levels',
        'kota',
      );
      expect(made.code).toBe(0);
      return await patuh('import', 'trust', trust, '--cycle', '2032', '--no-progress');
    },
  ],
  ['products import', async () => await patuh('products', 'import', products)],
  ['products add', async () => await patuh('products', 'add', ...LHA, '--status', 'belum')],
  [
    'products update',
    async () => await patuh('products', 'update', await addedProduct(), ...LHA, '--status', 'selesai'),
  ],
  ['products remove', async () => await patuh('products', 'remove', await addedProduct())],
  [
    'award hold',
    async () => await patuh('award', 'hold', '--cycle', '2023', '--entity', 'Kota Bekasi', '--reason', 'LAHP due'),
  ],
  ['award release', async () => await patuh('award', 'release', '--cycle', '2023', '--entity', 'Kota Bekasi')],
];

beforeAll(async () => {
  await cli.setUp();
  expect((await patuh('migrate')).code).toBe(0);
});
afterAll(() => cli.tearDown());

const entries = () =>
  withDatabase(
    async (db) => (await sql<{ n: number }>`select count(*)::int as n from audit_entries`.execute(db)).rows[0]?.n,
  );

describe('every mutating CLI command', () => {
  it('is listed here, as mutating or read-only', async () => {
    const all = leaves(buildProgram({ serve: async () => {} })).sort();
    const listed = [...READ_ONLY, ...MUTATING.map(([n]) => n)].sort();
    expect(all).toEqual(listed);
  });

  it.each(MUTATING.map(([name, run], i) => [name, run, i] as const))(
    '%s adds to the audit chain, which verifies',
    async (name, run) => {
      const before = await entries();
      const r = await run();
      expect(r.stderr, name).toBe('');
      expect(r.code, name).toBe(0);
      // the chain grew and verifies: read in this process, one open of the database
      // (`patuh audit verify` itself is tested as a command in audit-chain.test.ts)
      const after = await withDatabase(async (db) => ({
        n: (await sql<{ n: number }>`select count(*)::int as n from audit_entries`.execute(db)).rows[0]?.n ?? 0,
        chain: await verifyAuditChain(db),
      }));
      expect(after.n).toBeGreaterThan(before ?? 0);
      expect(after.chain).toMatchObject({ intact: true });
    },
  );

  it('audits a redraw as a redraw', async () => {
    expect(
      (await patuh('sample', 'draw', '--cycle', '2031', '--entity', 'Kota Bekasi', '--seed', 'b', '--redraw')).code,
    ).toBe(0);
    const last = await withDatabase(
      async (db) =>
        (await sql<{ action: string }>`select action from audit_entries order by seq desc limit 1`.execute(db)).rows[0],
    );
    expect(last?.action).toBe('sample.redraw');
  });
});
