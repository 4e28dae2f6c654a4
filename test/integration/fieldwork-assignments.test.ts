/**
 * Assignments (issue 4, item 2) over HTTP: the office head assigns entities and
 * units of its province to its own assessors; an assessor sees only what it is
 * assigned to — its assignments, and in that cycle the results, units and
 * submissions of those entities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/auth/create-user.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { json, PASSWORD, send, X, Y, Z } from '../helpers/api.ts';
import { buildFieldworkWorld, type FieldworkWorld, YEAR } from '../helpers/fieldwork.ts';

let w: FieldworkWorld;
let otherOffice = 0;
beforeAll(async () => {
  w = await buildFieldworkWorld();
  otherOffice = (
    await createUser(w.t.ctx, SYSTEM, {
      email: 'assessor-b@test.id',
      role: 'assessor',
      password: PASSWORD,
      office: '74',
    })
  ).id;
});
afterAll(async () => w?.close());

const assign = (who: keyof FieldworkWorld['auth'], body: object) =>
  send(w.app, w.auth[who], { method: 'POST', url: `/api/v1/cycles/${YEAR}/assignments`, body });

describe('assignments', () => {
  it('lets the office head assign a unit of its province to its own assessor, once', async () => {
    const res = await assign('office_head', {
      assessorId: w.assessor2.id,
      entity: Z,
      unitId: w.units.z1,
      startsOn: '2032-08-01',
      endsOn: '2032-08-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res).data).toMatchObject({
      entity: { code: Z },
      unit: { id: w.units.z1 },
      assessor: { id: w.assessor2.id },
      startsOn: '2032-08-01',
      endsOn: '2032-08-31',
    });
    expect(
      (await assign('office_head', { assessorId: w.assessor2.id, entity: Z, unitId: w.units.z1 })).statusCode,
    ).toBe(409);
  });

  it('refuses other provinces, other offices’ assessors, foreign units, bad dates and other roles', async () => {
    expect((await assign('office_head', { assessorId: w.assessor2.id, entity: Y })).statusCode).toBe(403);
    expect((await assign('office_head', { assessorId: otherOffice, entity: X })).statusCode).toBe(400);
    expect((await assign('office_head', { assessorId: w.users.central.id, entity: X })).statusCode).toBe(400);
    expect(
      (await assign('office_head', { assessorId: w.assessor2.id, entity: X, unitId: w.units.z1 })).statusCode,
    ).toBe(400);
    expect(
      (
        await assign('office_head', {
          assessorId: w.assessor2.id,
          entity: X,
          startsOn: '2032-09-02',
          endsOn: '2032-09-01',
        })
      ).statusCode,
    ).toBe(400);
    expect((await assign('assessor', { assessorId: w.assessor2.id, entity: X })).statusCode).toBe(403);
    expect((await assign('entity_official', { assessorId: w.assessor2.id, entity: X })).statusCode).toBe(403);
    // central staff may assign anywhere, to an assessor of the entity's province
    expect((await assign('central', { assessorId: otherOffice, entity: Y })).statusCode).toBe(201);
  });

  it('shows the assessor only its own assignments, with the units to collect for', async () => {
    const mine = json(await send(w.app, w.assessor2.auth, { method: 'GET', url: '/api/v1/me/assignments' })).data;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      cycle: { year: YEAR, status: 'fieldwork', edition: 'pemda-2023' },
      entity: { code: Z },
      entityLevel: 'kota',
      units: [{ id: w.units.z1, name: 'Disdukcapil' }],
    });
    const first = json(await send(w.app, w.auth.assessor, { method: 'GET', url: '/api/v1/me/assignments' })).data;
    expect(first[0].units.map((u: { id: number }) => u.id).sort()).toEqual([w.units.x1, w.units.x2].sort());
    const list = json(
      await send(w.app, w.assessor2.auth, { method: 'GET', url: `/api/v1/cycles/${YEAR}/assignments` }),
    );
    expect(list.data.map((a: { assessor: { id: number } }) => a.assessor.id)).toEqual([w.assessor2.id]);
    const head = json(
      await send(w.app, w.auth.office_head, { method: 'GET', url: `/api/v1/cycles/${YEAR}/assignments` }),
    );
    expect(head.data.map((a: { entity: { code: string } }) => a.entity.code).sort()).toEqual([Z, X]);
    const central = json(
      await send(w.app, w.auth.central, { method: 'GET', url: `/api/v1/cycles/${YEAR}/assignments` }),
    );
    expect(central.data).toHaveLength(3);
    const assessors = json(await send(w.app, w.auth.office_head, { method: 'GET', url: '/api/v1/assessors' })).data;
    expect(assessors.map((a: { email: string }) => a.email).sort()).toEqual(['assessor2@test.id', 'assessor@test.id']);
  });

  it('narrows the assessor’s results, units and submissions in the cycle to its assigned entities', async () => {
    const as2 = (url: string) => send(w.app, w.assessor2.auth, { method: 'GET', url });
    expect((await as2(`/api/v1/cycles/${YEAR}/entities/${Z}/units`)).statusCode).toBe(200);
    expect((await as2(`/api/v1/cycles/${YEAR}/entities/${X}/units`)).statusCode).toBe(403);
    expect((await as2(`/api/v1/cycles/${YEAR}/units/${w.units.x1}`)).statusCode).toBe(403);
    expect((await as2(`/api/v1/cycles/${YEAR}/units/${w.units.z1}`)).statusCode).toBe(200);
    // the results of the fieldwork cycle: only Z; a published cycle's results are public, so there its province
    const inCycle = json(await as2(`/api/v1/cycles/${YEAR}/results?pageSize=500`));
    expect(inCycle.data.every((r: { entity: { code: string } }) => r.entity.code === Z)).toBe(true);
    expect((await as2(`/api/v1/cycles/${YEAR}/entities/${X}/result`)).statusCode).toBe(403);
    const published = json(await as2('/api/v1/cycles/2022/results?pageSize=500'));
    expect(published.data.map((r: { entity: { code: string } }) => r.entity.code).sort()).toEqual([Z, X]);
    expect((await as2(`/api/v1/cycles/2022/entities/${Y}/result`)).statusCode).toBe(403);
    // the office head still sees its whole province
    expect(
      (await send(w.app, w.auth.office_head, { method: 'GET', url: `/api/v1/cycles/${YEAR}/entities/${X}/units` }))
        .statusCode,
    ).toBe(200);
  });

  it('lets the office head remove an assignment while the cycle is open', async () => {
    const list = json(
      await send(w.app, w.auth.office_head, { method: 'GET', url: `/api/v1/cycles/${YEAR}/assignments?entity=${Z}` }),
    );
    const id = list.data[0].id;
    const foreign = json(
      await send(w.app, w.auth.central, { method: 'GET', url: `/api/v1/cycles/${YEAR}/assignments?entity=${Y}` }),
    ).data[0].id;
    const del = (who: keyof FieldworkWorld['auth'], x: number) =>
      send(w.app, w.auth[who], { method: 'DELETE', url: `/api/v1/cycles/${YEAR}/assignments/${x}` });
    expect((await del('assessor', id)).statusCode).toBe(403);
    expect((await del('office_head', foreign)).statusCode).toBe(403);
    expect((await del('office_head', id)).statusCode).toBe(204);
    expect((await del('office_head', id)).statusCode).toBe(404);
    expect((await send(w.app, w.assessor2.auth, { method: 'GET', url: '/api/v1/me/assignments' })).body).toBe(
      '{"data":[]}',
    );
  });
});
