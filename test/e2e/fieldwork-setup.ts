/**
 * What the fieldwork flow needs before a browser opens, made through the API as
 * staff would: an assessor of the Jawa Barat office (the office head of users.ts
 * is Jawa Barat's), a cycle in fieldwork, a unit of Kota Bekasi, the assignment.
 * Also a photo with EXIF to prove the app strips it.
 */
import { type APIRequestContext, expect } from '@playwright/test';
import { apiLogin } from './helpers.ts';
import { BEKASI, type E2eUser, USERS } from './users.ts';

/** Another year than the other specs use (2025 stays draft, 2026 is the admin spec's). */
export const FIELD_YEAR = 2027;
export const FIELD_UNIT = 'Dinas Kesehatan Kota Bekasi (uji lapangan)';

export const FIELD_ASSESSOR: E2eUser = {
  role: 'assessor',
  email: 'e2e-asisten-jabar@patuh.test',
  password: 'e2e-Rahasia-asisten-jabar-1',
  scope: { office: 'Jawa Barat' },
};

async function post(request: APIRequestContext, csrf: string, url: string, data: unknown) {
  const res = await request.post(url, { headers: { 'x-csrf-token': csrf }, data });
  return {
    status: res.status(),
    body: (await res.json().catch(() => null)) as { data?: Record<string, unknown> } | null,
  };
}

export interface FieldSetup {
  assessorId: number;
  unitId: number;
}

export async function setUpFieldwork(request: APIRequestContext): Promise<FieldSetup> {
  // the assessor (admin only makes users)
  let csrf = await apiLogin(request, USERS.admin);
  const made = await post(request, csrf, '/api/v1/users', {
    email: FIELD_ASSESSOR.email,
    role: 'assessor',
    office: '32',
    password: FIELD_ASSESSOR.password,
  });
  expect([201, 409], JSON.stringify(made.body)).toContain(made.status);
  const users = await request.get(`/api/v1/users?q=${encodeURIComponent(FIELD_ASSESSOR.email)}`);
  const assessorId = Number(((await users.json()) as { data: Array<{ id: number }> }).data[0]?.id);

  // the cycle, in fieldwork, with a unit of Kota Bekasi
  csrf = await apiLogin(request, USERS.central);
  const cycle = await post(request, csrf, '/api/v1/cycles', {
    year: FIELD_YEAR,
    edition: 'pemda-2023',
    bandScheme: 'categories-2022',
  });
  expect([201, 409]).toContain(cycle.status);
  if (cycle.status === 201) {
    const moved = await post(request, csrf, `/api/v1/cycles/${FIELD_YEAR}/transition`, { to: 'fieldwork' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  }
  const unit = await post(request, csrf, `/api/v1/cycles/${FIELD_YEAR}/entities/${BEKASI.code}/units`, {
    name: FIELD_UNIT,
    kind: 'Dinas Kesehatan',
  });
  expect(unit.status, JSON.stringify(unit.body)).toBe(201);
  const unitId = Number(unit.body?.data?.id);

  // the office head assigns the unit to the assessor
  csrf = await apiLogin(request, USERS.office_head);
  const assigned = await post(request, csrf, `/api/v1/cycles/${FIELD_YEAR}/assignments`, {
    assessorId,
    entity: BEKASI.code,
    unitId,
    startsOn: `${FIELD_YEAR}-03-01`,
    endsOn: `${FIELD_YEAR}-03-31`,
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
  return { assessorId, unitId };
}

/** The text every photo of this test carries in its EXIF, and must not reach the server. */
export const EXIF_MARK = 'PatuhSecretCam';

/** Inserts an APP1 EXIF segment (IFD0 with one Make tag) right after a JPEG's SOI marker. */
export function withExif(jpeg: Buffer): Buffer {
  const make = Buffer.from(`${EXIF_MARK}\0`, 'ascii');
  const tiff = Buffer.alloc(26);
  tiff.write('II*\0', 0, 'ascii'); // little-endian TIFF
  tiff.writeUInt32LE(8, 4); // IFD0 at 8
  tiff.writeUInt16LE(1, 8); // one entry
  tiff.writeUInt16LE(0x010f, 10); // Make
  tiff.writeUInt16LE(2, 12); // ASCII
  tiff.writeUInt32LE(make.length, 14);
  tiff.writeUInt32LE(26, 18); // the string follows the IFD
  tiff.writeUInt32LE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'ascii'), tiff, make]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}
