/**
 * A fieldwork world on top of the API world (helpers/api.ts): a 2032 cycle of the
 * 2023 instrument in fieldwork with units for X and Z (province A) and Y (province
 * B), a second assessor in A, the first assessor assigned to X by the office head
 * over HTTP, and an API token for each assessor (the collection app's way in).
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createUser } from '../../src/services/auth/create-user.ts';
import { createToken } from '../../src/services/auth/manage-tokens.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { createCycle } from '../../src/services/lifecycle/create-cycle.ts';
import { transitionCycle } from '../../src/services/lifecycle/transition-cycle.ts';
import { addUnit } from '../../src/services/registry/manage-units.ts';
import type { SyncSubmission } from '../../src/shared/fieldwork-schemas.ts';
import { A, type Auth, buildWorld, json, PASSWORD, send, signIn, type World, X, Y, Z } from './api.ts';

export const YEAR = 2032;

export interface FieldworkWorld extends World {
  units: { x1: number; x2: number; z1: number; y1: number };
  assessor2: { id: number; auth: Auth };
  /** bearer tokens of the two assessors */
  device: Auth;
  device2: Auth;
}

export async function buildFieldworkWorld(): Promise<FieldworkWorld> {
  const w = await buildWorld();
  const { ctx } = w.t;
  await createCycle(ctx, SYSTEM, { year: YEAR, edition: 'pemda-2023', bandScheme: 'categories-2022' });
  const unit = async (code: string, name: string) => (await addUnit(ctx, SYSTEM, YEAR, code, { name })).id;
  const units = {
    x1: await unit(X, 'DPMPTSP'),
    x2: await unit(X, 'Puskesmas Karang Kitri'),
    z1: await unit(Z, 'Disdukcapil'),
    y1: await unit(Y, 'Disdukcapil'),
  };
  await transitionCycle(ctx, SYSTEM, YEAR, 'fieldwork');
  const a2 = await createUser(ctx, SYSTEM, {
    email: 'assessor2@test.id',
    role: 'assessor',
    password: PASSWORD,
    office: A,
  });
  const assessor2 = { id: a2.id, auth: await signIn(w.app, a2.email) };
  const res = await send(w.app, w.auth.office_head, {
    method: 'POST',
    url: `/api/v1/cycles/${YEAR}/assignments`,
    body: { assessorId: w.users.assessor.id, entity: X },
  });
  expect(res.statusCode, res.body).toBe(201);
  const device = { bearer: (await createToken(ctx, SYSTEM, { name: 'device', ownerId: w.users.assessor.id })).token };
  const device2 = { bearer: (await createToken(ctx, SYSTEM, { name: 'device 2', ownerId: a2.id })).token };
  return { ...w, units, assessor2, device, device2 };
}

/** An observation sheet of the 2023 instrument (its 15 observation indicators), all answered `value`. */
export function observationSheet(unitId: number, value = 2, over: Partial<SyncSubmission> = {}): SyncSubmission {
  const codes = [
    'IN.SAR.04',
    'IN.SAR.07',
    'IN.SAR.09',
    ...Array.from({ length: 11 }, (_, i) => `PR.STD.${String(i + 1).padStart(2, '0')}`),
    'PGD.ADU.01',
  ];
  return {
    id: randomUUID(),
    unitId,
    kind: 'observation',
    respondent: '',
    baseVersion: 0,
    items: codes.map((indicator) => ({ indicator, value })),
    clientCreatedAt: '2032-08-14T09:30:00+08:00',
    gps: { lat: -6.2383, lng: 106.9756, accuracy: 12 },
    ...over,
  };
}

export async function sync(w: World, auth: Auth, submissions: unknown[]) {
  const res = await send(w.app, auth, { method: 'POST', url: '/api/v1/sync', body: { submissions } });
  expect(res.statusCode, res.body).toBe(200);
  return json(res).data.results as Array<{
    index: number;
    id: string;
    status: string;
    submissionId: string | null;
    version: number | null;
    submissionStatus: string | null;
    serverItems?: Array<{ indicator: string; value: number | null }>;
    error?: { code: string; reason?: string; message: string };
  }>;
}
