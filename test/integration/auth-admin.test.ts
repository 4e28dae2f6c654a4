/** Administration over HTTP: the cycle lifecycle with its audit trail, units, users, and imports. */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAnswers } from '../../src/db/repos/answers.ts';
import { listAudit } from '../../src/db/repos/audit.ts';
import { findCycleByYear } from '../../src/db/repos/cycles.ts';
import { cycleResults } from '../../src/services/results/results.ts';
import { buildWorld, json, multipart, PASSWORD, send, signIn, type World, X } from '../helpers/api.ts';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => w?.close());

const post = (auth: World['auth'][keyof World['auth']], url: string, body: unknown) =>
  send(w.app, auth, { method: 'POST', url, body });

describe('cycles', () => {
  it('creates a draft cycle from an installed edition and refuses unknown ones or a taken year', async () => {
    const made = await post(w.auth.central, '/api/v1/cycles', {
      year: 2026,
      edition: 'pemda-2023',
      bandScheme: 'categories-2022',
      settings: { serviceUsersPerUnit: 30 },
    });
    expect(made.statusCode).toBe(201);
    expect(json(made).data).toMatchObject({
      year: 2026,
      status: 'draft',
      settings: { serviceUsersPerUnit: 30 },
      transitions: ['fieldwork'],
    });
    const unknown = await post(w.auth.central, '/api/v1/cycles', {
      year: 2027,
      edition: 'pemda-1999',
      bandScheme: 'nope',
    });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown).error.details.problems).toHaveLength(2);
    const taken = await post(w.auth.central, '/api/v1/cycles', {
      year: 2026,
      edition: 'pemda-2023',
      bandScheme: 'categories-2022',
    });
    expect(taken.statusCode).toBe(409);
  });

  it('creates several assessments of a year by code; a year URL then names the choices (ADR 0012)', async () => {
    for (const [code, levels, edition] of [
      ['2027-pemda', ['provinsi', 'kabupaten', 'kota'], 'pemda-2023'],
      ['2027-kementerian', ['kementerian', 'lembaga'], 'pemda-2022'],
    ] as const) {
      const made = await post(w.auth.central, '/api/v1/cycles', {
        year: 2027,
        code,
        levels: [...levels],
        edition,
        bandScheme: 'categories-2022',
      });
      expect(made.statusCode).toBe(201);
      expect(json(made).data).toMatchObject({ year: 2027, code, track: 'official', levels });
    }
    const r = await send(w.app, w.auth.central, { method: 'GET', url: '/api/v1/cycles/2027/results' });
    expect(r.statusCode).toBe(409);
    expect(json(r).error.code).toBe('AMBIGUOUS_ASSESSMENT');
    expect(json(r).error.message).toContain('2027-kementerian, 2027-pemda');
    // a year that is also a code stays exact: the 2026 cycle made above
    const exact = await send(w.app, w.auth.central, { method: 'GET', url: '/api/v1/cycles/2026/results' });
    expect(exact.statusCode).toBe(200);
  });

  it('moves through its lifecycle with send-backs, one audit entry per move, and nothing after publication', async () => {
    const path = ['fieldwork', 'review', 'fieldwork', 'review', 'final', 'review', 'final', 'published'];
    for (const to of path) {
      const res = await post(w.auth.central, '/api/v1/cycles/2026/transition', { to });
      expect(res.statusCode, `${to}: ${res.body}`).toBe(200);
      expect(json(res).data.status).toBe(to);
    }
    const moves = (await listAudit(w.t.ctx.db, { subject: 'cycle:2026' }))
      .filter((a) => a.action === 'cycle.transition')
      .reverse();
    expect(moves.map((m) => (m.after as { status: string }).status)).toEqual(path);
    expect(moves[0]).toMatchObject({ actor: `user:${w.users.central.id}`, before: { status: 'draft' } });
    const after = await post(w.auth.admin, '/api/v1/cycles/2026/transition', { to: 'review' });
    expect(after.statusCode).toBe(409);
    expect(json(after).error).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { from: 'published', allowed: [] },
    });
  });

  it('refuses to skip a step and explains where the cycle can go', async () => {
    await post(w.auth.admin, '/api/v1/cycles', { year: 2028, edition: 'pemda-2023', bandScheme: 'categories-2022' });
    const res = await post(w.auth.admin, '/api/v1/cycles/2028/transition', { to: 'final' });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.details).toEqual({ from: 'draft', to: 'final', allowed: ['fieldwork'] });
  });

  it('shows a cycle to entity officials once final (to object) and to the public once published', async () => {
    await post(w.auth.admin, '/api/v1/cycles', { year: 2029, edition: 'pemda-2023', bandScheme: 'categories-2022' });
    const seen = async () => {
      const list = json(await send(w.app, w.auth.entity_official, { method: 'GET', url: '/api/v1/cycles' }));
      return list.data.some((c: { year: number }) => c.year === 2029);
    };
    for (const to of ['fieldwork', 'review', 'final']) {
      await post(w.auth.admin, '/api/v1/cycles/2029/transition', { to });
      expect(await seen()).toBe(to === 'final');
      expect((await send(w.app, null, { method: 'GET', url: '/api/v1/cycles/2029/results' })).statusCode).toBe(404);
    }
    await post(w.auth.admin, '/api/v1/cycles/2029/transition', { to: 'published' });
    expect(await seen()).toBe(true);
    expect((await send(w.app, null, { method: 'GET', url: '/api/v1/cycles/2029/results' })).statusCode).toBe(200);
  });
});

describe('units', () => {
  it('deactivating a unit takes it out of the entity’s score; reactivating puts it back', async () => {
    const before = (await cycleResults(w.t.ctx, 2022, { entity: X })).results[0]!;
    const unit = before.units[0]!;
    const off = await send(w.app, w.auth.admin, {
      method: 'PATCH',
      url: `/api/v1/units/${unit.id}`,
      body: { active: false },
    });
    expect(json(off).data).toMatchObject({ id: unit.id, active: false });
    const during = (await cycleResults(w.t.ctx, 2022, { entity: X })).results[0]!;
    expect(during.units.map((u) => u.id)).not.toContain(unit.id);
    expect(during.units).toHaveLength(before.units.length - 1);
    expect(during.exactScore).not.toBe(before.exactScore);
    const listed = json(
      await send(w.app, w.auth.office_head, { method: 'GET', url: `/api/v1/cycles/2022/entities/${X}/units` }),
    );
    expect(listed.data.find((u: { id: number }) => u.id === unit.id)).toMatchObject({ active: false });
    await send(w.app, w.auth.admin, { method: 'PATCH', url: `/api/v1/units/${unit.id}`, body: { active: true } });
    expect((await cycleResults(w.t.ctx, 2022, { entity: X })).results[0]!.exactScore).toBe(before.exactScore);
  });

  it('adds a unit (the entity becomes incomplete until it is assessed), renames it, and refuses a duplicate name', async () => {
    await post(w.auth.admin, '/api/v1/cycles', { year: 2030, edition: 'pemda-2023', bandScheme: 'categories-2022' });
    const added = await post(w.auth.office_head, `/api/v1/cycles/2030/entities/${X}/units`, {
      name: '  Dinas   Sosial ',
      kind: 'opd',
    });
    expect(added.statusCode).toBe(201);
    const unit = json(added).data;
    expect(unit).toMatchObject({ name: 'Dinas Sosial', kind: 'opd', active: true, synthetic: false });
    const dup = await post(w.auth.office_head, `/api/v1/cycles/2030/entities/${X}/units`, { name: 'dinas sosial' });
    expect(dup.statusCode).toBe(409);
    await post(w.auth.office_head, `/api/v1/cycles/2030/entities/${X}/units`, { name: 'Puskesmas A' });
    const clash = await send(w.app, w.auth.office_head, {
      method: 'PATCH',
      url: `/api/v1/units/${unit.id}`,
      body: { name: 'PUSKESMAS A' },
    });
    expect(clash.statusCode).toBe(409);
    const renamed = await send(w.app, w.auth.office_head, {
      method: 'PATCH',
      url: `/api/v1/units/${unit.id}`,
      body: { name: 'Dinas Sosial Kota' },
    });
    expect(json(renamed).data.name).toBe('Dinas Sosial Kota');
    const audit = await listAudit(w.t.ctx.db, { subject: `unit:${unit.id}` });
    expect(audit.map((a) => a.action)).toEqual(['unit.update', 'unit.create']);
  });
});

describe('users', () => {
  it('creates users with the scope their role needs, and refuses what does not fit', async () => {
    const ok = await post(w.auth.admin, '/api/v1/users', {
      email: 'Kepala@Sultra.id',
      name: 'Kepala Perwakilan',
      role: 'office_head',
      office: '74',
      password: PASSWORD,
    });
    expect(ok.statusCode).toBe(201);
    expect(json(ok).data).toMatchObject({
      email: 'kepala@sultra.id',
      role: 'office_head',
      office: { code: '74' },
      entity: null,
      active: true,
    });
    expect(ok.body).not.toMatch(/password|argon/i);
    for (const bad of [
      { email: 'a@x.id', role: 'entity_official', password: PASSWORD },
      { email: 'b@x.id', role: 'assessor', entity: X, password: PASSWORD },
      { email: 'c@x.id', role: 'central', office: '32', password: PASSWORD },
      { email: 'd@x.id', role: 'central', password: 'short' },
      { email: 'e@x.id', role: 'entity_official', entity: '99.99', password: PASSWORD },
    ]) {
      const res = await post(w.auth.admin, '/api/v1/users', bad);
      expect([400, 404], `${JSON.stringify(bad)}: ${res.body}`).toContain(res.statusCode);
    }
    expect(
      (await post(w.auth.admin, '/api/v1/users', { email: 'KEPALA@sultra.id', role: 'central', password: PASSWORD }))
        .statusCode,
    ).toBe(409);
  });

  it('lists users with a search, a role filter and pages', async () => {
    const page = json(await send(w.app, w.auth.admin, { method: 'GET', url: '/api/v1/users?pageSize=2&page=2' }));
    expect(page.page).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.data).toHaveLength(2);
    const officials = json(
      await send(w.app, w.auth.admin, { method: 'GET', url: '/api/v1/users?role=entity_official' }),
    );
    expect(officials.data.map((u: { email: string }) => u.email)).toEqual(['entity_official@test.id']);
    const found = json(await send(w.app, w.auth.admin, { method: 'GET', url: '/api/v1/users?q=SULTRA' }));
    expect(found.data.map((u: { email: string }) => u.email)).toEqual(['kepala@sultra.id']);
  });

  it('never demotes or deactivates the last active admin', async () => {
    const self = await send(w.app, w.auth.admin, {
      method: 'PATCH',
      url: `/api/v1/users/${w.users.admin.id}`,
      body: { role: 'central' },
    });
    expect(self.statusCode).toBe(409);
    const off = await send(w.app, w.auth.admin, {
      method: 'PATCH',
      url: `/api/v1/users/${w.users.admin.id}`,
      body: { active: false },
    });
    expect(off.statusCode).toBe(409);
  });

  it('changing a role ends the user’s sessions; a new password ends a lockout', async () => {
    const user = json(
      await post(w.auth.admin, '/api/v1/users', { email: 'temp@test.id', role: 'central', password: PASSWORD }),
    ).data;
    const s = await signIn(w.app, 'temp@test.id');
    const changed = await send(w.app, w.auth.admin, {
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      body: { role: 'assessor', office: '32' },
    });
    expect(json(changed).data).toMatchObject({ role: 'assessor', office: { code: '32' } });
    expect((await send(w.app, s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    await sql`update users set locked_until = now() + interval '10 minutes' where id = ${user.id}`.execute(w.t.ctx.db);
    const locked = json(await send(w.app, w.auth.admin, { method: 'GET', url: '/api/v1/users?q=temp@' })).data[0];
    expect(locked.lockedUntil).not.toBeNull();
    await send(w.app, w.auth.admin, {
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      body: { password: 'another-password' },
    });
    expect((await signIn(w.app, 'temp@test.id', 'another-password')).cookies).toBeDefined();
  });
});

describe('imports over HTTP', () => {
  const upload = (kind: string, filename: string, content: string | Buffer, year = 2026) => {
    const m = multipart(filename, content as string);
    if (Buffer.isBuffer(content)) {
      const boundary = m.headers['content-type']!.split('boundary=')[1]!;
      m.payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    }
    return w.app.inject({
      method: 'POST',
      url: `/api/v1/cycles/${year}/imports/${kind}`,
      cookies: w.auth.central?.cookies,
      headers: { ...m.headers, 'x-csrf-token': w.auth.central?.csrf ?? '' },
      payload: m.payload,
    });
  };

  it('imports a clean CSV of answers and reports it', async () => {
    await post(w.auth.admin, '/api/v1/cycles', { year: 2033, edition: 'pemda-2023', bandScheme: 'categories-2022' });
    const res = await upload(
      'answers',
      'jawaban.csv',
      'entity,unit,indicator,respondent,value\nKota Bekasi,Dinas Sosial,PR.STD.01,P1,3\nKota Bekasi,Dinas Sosial,PR.STD.02,P1,NA\n',
      2033,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).data).toMatchObject({ cycle: 2033, rows: 2, entities: 1, answers: 2 });
    const audit = await listAudit(w.t.ctx.db, { subject: 'cycle:2033' });
    expect(audit[0]).toMatchObject({ action: 'import.answers', after: { file: 'jawaban.csv' } });
  });

  it('refuses a file with bad rows with every row listed, and imports nothing', async () => {
    const cycle = await findCycleByYear(w.t.ctx.db, 2033);
    const before = await countAnswers(w.t.ctx.db, cycle!.id);
    const res = await upload(
      'answers',
      'bad.csv',
      'entity,unit,indicator,respondent,value\nKota Bekasi,Dinas Sosial,PR.STD.03,P1,2\nKota Atlantis,Dinas X,PR.STD.01,P1,2\nKota Bekasi,Dinas Sosial,PR.STD.01,P1,7\n',
      2033,
    );
    expect(res.statusCode).toBe(422);
    const e = json(res).error;
    expect(e.code).toBe('IMPORT_REJECTED');
    expect(e.details.errors.map((r: { row: number; column: string }) => [r.row, r.column])).toEqual([
      [3, 'entity'],
      [4, 'value'],
    ]);
    expect(await countAnswers(w.t.ctx.db, cycle!.id)).toBe(before);
  });

  it('reads XLSX by its extension and refuses other files', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('hasil');
    sheet.addRow(['entity', 'score']);
    sheet.addRow(['Kota Bogor', 71.25]);
    const res = await upload('results', 'hasil.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).data).toMatchObject({ entities: 1 });
    const pdf = await upload('results', 'hasil.pdf', 'x');
    expect(pdf.statusCode).toBe(400);
    expect(json(pdf).error.message).toContain('.csv or .xlsx');
    const noFile = await w.app.inject({
      method: 'POST',
      url: '/api/v1/cycles/2026/imports/results',
      cookies: w.auth.central?.cookies,
      headers: { 'x-csrf-token': w.auth.central?.csrf ?? '' },
      payload: { file: 'not multipart' },
    });
    expect(noFile.statusCode).toBe(400);
  });
});

describe('audit trail', () => {
  it('is append-only', async () => {
    await expect(sql`update audit_entries set actor = 'someone else'`.execute(w.t.ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_entries`.execute(w.t.ctx.db)).rejects.toThrow(/append-only/);
  });
});
