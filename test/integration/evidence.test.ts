/**
 * Evidence over HTTP with the real file store: upload, dedupe, serve, deny (404
 * across scopes), type by content, size limit, files named by their sha256, links
 * made by other areas (linkEvidence) and the subject-policy hook.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAssignment } from '../../src/db/repos/assignments.ts';
import { listAudit } from '../../src/db/repos/audit.ts';
import { findCycleByYear } from '../../src/db/repos/cycles.ts';
import { findEntityByCode } from '../../src/db/repos/entities.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-chain.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { FileBlobStore } from '../../src/services/evidence/blob-store.ts';
import { linkEvidence } from '../../src/services/evidence/link-evidence.ts';
import { createCycle } from '../../src/services/lifecycle/create-cycle.ts';
import { addUnit } from '../../src/services/registry/manage-units.ts';
import { registerSubjectPolicy } from '../../src/services/subject-access.ts';
import { type Auth, buildWorld, json, send, type World, X, Y } from '../helpers/api.ts';
import { evidenceForm, jpeg, pdf, png } from '../helpers/evidence.ts';

const LIMIT = 64 * 1024;
const root = mkdtempSync(path.join(tmpdir(), 'patuh-evidence-'));
const store = new FileBlobStore(root);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let w: World;
const units = { x: 0, y: 0 };

const upload = (auth: Auth | null, file: Buffer | null, opts: Parameters<typeof evidenceForm>[1] = {}) => {
  const f = evidenceForm(file, opts);
  return send(w.app, auth, { method: 'POST', url: '/api/v1/evidence', body: f.body, headers: f.headers });
};
const fetchEvidence = (auth: Auth | null, hash: string, headers: Record<string, string> = {}) =>
  send(w.app, auth, { method: 'GET', url: `/api/v1/evidence/${hash}`, headers });
/** Every file in the store, by name. */
const filesOnDisk = (): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);

beforeAll(async () => {
  w = await buildWorld({ evidence: { store, limitBytes: LIMIT } });
  await createCycle(w.t.ctx, SYSTEM, { year: 2032, edition: 'pemda-2023', bandScheme: 'categories-2022' });
  units.x = (await addUnit(w.t.ctx, SYSTEM, 2032, X, { name: 'Dinas X' })).id;
  units.y = (await addUnit(w.t.ctx, SYSTEM, 2032, Y, { name: 'Dinas Y' })).id;
});
afterAll(async () => w?.close());

describe('uploading evidence', () => {
  const photo = jpeg('assessor photo');

  it('stores a photo under its sha256, durable on disk, and answers its type and size', async () => {
    const res = await upload(w.auth.assessor, photo, { filename: 'IMG_0001.JPG' });
    expect(res.statusCode).toBe(201);
    expect(json(res).data).toEqual({ sha256: sha(photo), mediaType: 'image/jpeg', size: photo.length });
    const h = sha(photo);
    const file = path.join(root, h.slice(0, 2), h.slice(2, 4), h);
    expect(readFileSync(file).equals(photo)).toBe(true);
    expect(filesOnDisk()).toEqual([h]); // no temporary file left behind
  });

  it('is idempotent and reveals nothing: the same bytes again answer exactly as the first time, and record the uploader', async () => {
    const first = await upload(w.auth.office_head, jpeg('office head first'));
    expect((await fetchEvidence(w.auth.office_head, sha(photo))).statusCode).toBe(404);
    const again = await upload(w.auth.office_head, photo, { filename: 'other-name.png' });
    expect((await fetchEvidence(w.auth.office_head, sha(photo))).statusCode).toBe(200); // an uploader now
    expect(again.statusCode).toBe(first.statusCode); // 201 either way: an upload does not tell that a file exists
    expect(Object.keys(json(again).data)).toEqual(Object.keys(json(first).data));
    expect(json(again).data.sha256).toBe(sha(photo));
    const rows = await w.t.ctx.db.selectFrom('evidence').selectAll().where('sha256', '=', sha(photo)).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.created_by).toBe(w.users.assessor.id);
    const uploaders = await w.t.ctx.db
      .selectFrom('evidence_uploads')
      .select('user_id')
      .where('evidence_sha256', '=', sha(photo))
      .orderBy('user_id')
      .execute();
    expect(uploaders.map((u) => u.user_id).sort()).toEqual([w.users.assessor.id, w.users.office_head.id].sort());
    expect((await upload(w.auth.office_head, photo)).statusCode).toBe(201);
    const audit = await listAudit(w.t.ctx.db, { subject: `evidence:${sha(photo)}` });
    expect(audit.map((e) => e.actor).sort()).toEqual(
      [`user:${w.users.assessor.id}`, `user:${w.users.office_head.id}`].sort(),
    );
    expect(filesOnDisk()).toHaveLength(2);
  });

  it('knows the type by content: HTML named .jpg is refused (415), and so is a GIF', async () => {
    for (const [content, filename] of [
      [Buffer.from('<html><script>alert(1)</script></html>'), 'photo.jpg'],
      [Buffer.from('GIF89a....'), 'photo.gif'],
    ] as const) {
      const res = await upload(w.auth.assessor, content, { filename });
      expect(res.statusCode).toBe(415);
      expect(json(res).error.code).toBe('UNSUPPORTED_MEDIA');
    }
    expect(filesOnDisk()).toHaveLength(2);
  });

  it('refuses a file over the limit (413) without storing anything', async () => {
    const res = await upload(w.auth.assessor, pdf('big', LIMIT + 1));
    expect(res.statusCode).toBe(413);
    expect(json(res).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limitBytes: LIMIT } });
    expect(filesOnDisk()).toHaveLength(2);
    expect((await upload(w.auth.assessor, pdf('just fits', LIMIT - 100))).statusCode).toBe(201);
  });

  it('refuses the public (401), a missing file, an unknown subject kind and an item without a subject (400)', async () => {
    expect((await upload(null, png('anonymous'))).statusCode).toBe(401);
    expect((await upload(w.auth.assessor, null, { fields: { subject: `unit:${units.x}` } })).statusCode).toBe(400);
    expect((await upload(w.auth.assessor, png('wrong field'), { fileField: 'photo' })).statusCode).toBe(400);
    const unknown = await upload(w.auth.admin, png('kind'), { fields: { subject: 'planet:3' } });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown).error.message).toMatch(/unit:<id>/);
    expect((await upload(w.auth.assessor, png('item'), { fields: { item: 'PR.STD.01' } })).statusCode).toBe(400);
  });
});

describe('serving evidence', () => {
  const linkedX = pdf('standard of service, unit X');
  const linkedY = png('board of unit Y');

  beforeAll(async () => {
    const a = await upload(w.auth.admin, linkedX, { fields: { subject: `unit:${units.x}`, item: 'PR.STD.01' } });
    const b = await upload(w.auth.admin, linkedY, { fields: { subject: `unit:${units.y}` } });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
  });

  it('serves the bytes with their type and the sha256 as ETag; 304 when unchanged', async () => {
    const res = await fetchEvidence(w.auth.office_head, sha(linkedX));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers.etag).toBe(`"${sha(linkedX)}"`);
    expect(res.headers['content-disposition']).toBe(`inline; filename="${sha(linkedX)}.pdf"`);
    expect(res.rawPayload.equals(linkedX)).toBe(true);
    const again = await fetchEvidence(w.auth.office_head, sha(linkedX), { 'if-none-match': `"${sha(linkedX)}"` });
    expect(again.statusCode).toBe(304);
  });

  it('serves only those who may see a linked subject: 404 across scopes, exactly like an unknown hash', async () => {
    const status = async (auth: Auth | null, b: Buffer) => (await fetchEvidence(auth, sha(b))).statusCode;
    // unit X is in province A: office roles of A see it (an assessor once assigned to X in
    // the cycle, not before), the official of X does not manage units
    expect(await status(w.auth.assessor, linkedX)).toBe(404);
    const cycle = await findCycleByYear(w.t.ctx.db, 2032);
    const x = await findEntityByCode(w.t.ctx.db, X);
    await insertAssignment(w.t.ctx.db, {
      cycleId: cycle?.id ?? 0,
      entityId: x?.id ?? 0,
      unitId: null,
      assessorId: w.users.assessor.id,
      assignedBy: 'cli',
      startsOn: null,
      endsOn: null,
    });
    expect(await status(w.auth.assessor, linkedX)).toBe(200);
    expect(await status(w.auth.token, linkedX)).toBe(200);
    expect(await status(w.auth.entity_official, linkedX)).toBe(404);
    // unit Y is in province B
    expect(await status(w.auth.office_head, linkedY)).toBe(404);
    expect(await status(w.auth.central, linkedY)).toBe(200);
    expect(await status(null, linkedY)).toBe(401);
    const unknown = await fetchEvidence(w.auth.office_head, 'f'.repeat(64));
    const hidden = await fetchEvidence(w.auth.office_head, sha(linkedY));
    expect(json(hidden).error.message.replace(sha(linkedY), 'H')).toBe(
      json(unknown).error.message.replace('f'.repeat(64), 'H'),
    );
    expect((await fetchEvidence(w.auth.office_head, 'not-a-hash')).statusCode).toBe(400);
  });

  it('lets an uploader see their unlinked evidence, and nobody else but central staff', async () => {
    const mine = png('assessor, unlinked');
    expect((await upload(w.auth.assessor, mine)).statusCode).toBe(201);
    expect((await fetchEvidence(w.auth.assessor, sha(mine))).statusCode).toBe(200);
    expect((await fetchEvidence(w.auth.office_head, sha(mine))).statusCode).toBe(404);
    expect((await fetchEvidence(w.auth.entity_official, sha(mine))).statusCode).toBe(404);
    expect((await fetchEvidence(w.auth.admin, sha(mine))).statusCode).toBe(200);
  });

  it('refuses to link to a subject outside the uploader’s scope (404), storing nothing', async () => {
    const res = await upload(w.auth.office_head, png('office A on unit Y'), { fields: { subject: `unit:${units.y}` } });
    expect(res.statusCode).toBe(404);
    expect(
      await w.t.ctx.db
        .selectFrom('evidence')
        .select('sha256')
        .where('sha256', '=', sha(png('office A on unit Y')))
        .execute(),
    ).toEqual([]);
  });
});

describe('links made by other areas', () => {
  it('registers a subject kind whose rule decides who sees its evidence', async () => {
    registerSubjectPolicy('testcase', async (p, id) => p.role === 'entity_official' && id === 'open');
    const doc = pdf('for the official');
    const stored = await upload(w.auth.assessor, doc);
    expect(stored.statusCode).toBe(201);
    expect((await fetchEvidence(w.auth.entity_official, sha(doc))).statusCode).toBe(404);
    const added = await w.t.ctx.db.transaction().execute((tx) =>
      linkEvidence(tx, SYSTEM, [
        { sha256: sha(doc), subject: 'testcase:open', item: 'PR.STD.02' },
        { sha256: sha(doc), subject: 'testcase:open', item: 'PR.STD.02' },
      ]),
    );
    expect(added).toBe(1);
    expect((await fetchEvidence(w.auth.entity_official, sha(doc))).statusCode).toBe(200);
    const history = await listAudit(w.t.ctx.db, { subject: 'testcase:open' });
    expect(history.map((e) => [e.action, e.after])).toEqual([
      ['evidence.link', { evidence: sha(doc), item: 'PR.STD.02' }],
    ]);
  });

  it('refuses to link a hash that was never uploaded, naming it', async () => {
    const missing = 'a'.repeat(64);
    await expect(
      w.t.ctx.db
        .transaction()
        .execute((tx) => linkEvidence(tx, SYSTEM, [{ sha256: missing, subject: 'testcase:open' }])),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', details: { missing: [missing] } });
  });

  it('leaves the audit chain intact', async () => {
    expect((await verifyAuditChain(w.t.ctx.db)).intact).toBe(true);
  });
});
