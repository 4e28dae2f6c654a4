/** One account per role, made with `patuh user create` before the server starts. */
export type E2eRole = 'admin' | 'central' | 'office_head' | 'assessor' | 'entity_official';

export interface E2eUser {
  role: E2eRole;
  email: string;
  password: string;
  /** --entity NAME or --office PROVINCE */
  scope?: { entity: string } | { office: string };
}

export const USERS: Record<E2eRole, E2eUser> = {
  admin: { role: 'admin', email: 'e2e-admin@patuh.test', password: 'e2e-Rahasia-admin-1' },
  central: { role: 'central', email: 'e2e-pusat@patuh.test', password: 'e2e-Rahasia-pusat-1' },
  office_head: {
    role: 'office_head',
    email: 'e2e-kepala-jabar@patuh.test',
    password: 'e2e-Rahasia-kepala-1',
    scope: { office: 'Jawa Barat' },
  },
  assessor: {
    role: 'assessor',
    email: 'e2e-asisten-sultra@patuh.test',
    password: 'e2e-Rahasia-asisten-1',
    scope: { office: 'Sulawesi Tenggara' },
  },
  entity_official: {
    role: 'entity_official',
    email: 'e2e-pejabat-bekasi@patuh.test',
    password: 'e2e-Rahasia-pejabat-1',
    scope: { entity: 'Kota Bekasi' },
  },
};

/** The demo's two entities and the provinces their offices cover. */
export const BEKASI = { name: 'Kota Bekasi', code: '32.75' };
export const KENDARI = { name: 'Kota Kendari', code: '74.71' };
/** A cycle the tests create in draft: staff see it, the public and entity officials do not. */
export const DRAFT_YEAR = 2025;
