/**
 * Configuration, parsed once at start-up from the environment; every problem is
 * reported at once.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { DatabaseConfig } from './db/database.ts';

/** An unset or blank variable is "not given". */
const optionalText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().optional(),
);
const S3_VARS = [
  'PATUH_S3_ENDPOINT',
  'PATUH_S3_BUCKET',
  'PATUH_S3_REGION',
  'PATUH_S3_ACCESS_KEY_ID',
  'PATUH_S3_SECRET_ACCESS_KEY',
] as const;

const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    PATUH_DATA_DIR: z.string().min(1).optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** largest import upload, in MiB */
    PATUH_UPLOAD_LIMIT_MB: z.coerce.number().positive().max(2048).default(50),
    /** the most data rows an answers or results import may have */
    PATUH_IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(200_000),
    /** the most cells (rows × columns) an import may have */
    PATUH_IMPORT_MAX_CELLS: z.coerce.number().int().positive().default(5_000_000),
    /** the largest import file, in MiB (CSV as sent; XLSX compressed) */
    PATUH_IMPORT_MAX_MB: z.coerce.number().positive().max(2048).default(50),
    /** the most an XLSX may unpack to, in MiB, as its zip declares (a compression bomb is refused before it is read) */
    PATUH_IMPORT_MAX_UNPACKED_MB: z.coerce.number().positive().max(8192).default(500),
    /** behind reverse proxies: the proxies whose X-Forwarded-For/-Proto are believed (client IP, https) */
    TRUST_PROXY: optionalText.transform((v, ctx) => {
      const { list, bad } = parseProxyList(v ?? '');
      for (const b of bad)
        ctx.addIssue({
          code: 'custom',
          message: `"${b}" is not an IPv4 or IPv6 address or CIDR; name the proxies to trust, comma-separated (e.g. 127.0.0.1,10.0.0.0/8,::1)`,
        });
      return list;
    }),
    /** the least zxcvbn strength score (0–4) a new password needs */
    PATUH_PASSWORD_MIN_SCORE: z.coerce.number().int().min(0).max(4).default(3),
    /** largest evidence file (photo or document), in MiB */
    PATUH_EVIDENCE_LIMIT_MB: z.coerce.number().positive().max(1024).default(10),
    /** S3-compatible object storage for evidence: all five, or none (files under the data directory) */
    PATUH_S3_ENDPOINT: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    PATUH_S3_BUCKET: optionalText,
    PATUH_S3_REGION: optionalText,
    PATUH_S3_ACCESS_KEY_ID: optionalText,
    PATUH_S3_SECRET_ACCESS_KEY: optionalText,
  })
  .superRefine((e, ctx) => {
    const given = S3_VARS.filter((k) => e[k] !== undefined);
    if (given.length > 0 && given.length < S3_VARS.length) {
      const missing = S3_VARS.filter((k) => e[k] === undefined);
      ctx.addIssue({
        code: 'custom',
        path: [missing[0] ?? 'PATUH_S3_ENDPOINT'],
        message: `S3 storage needs all of ${S3_VARS.join(', ')}; missing ${missing.join(', ')}`,
      });
    }
  });

/** Caps of one import (docs/security.md "Imports and exports"). */
export interface ImportLimits {
  maxRows: number;
  maxCells: number;
  /** the file's size */
  maxBytes: number;
  /** an XLSX's declared unpacked size, all parts together */
  maxUnpackedBytes: number;
  /** an XLSX part's declared unpacked size over its packed size (a bomb packs far tighter than any sheet) */
  maxRatio: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxRows: 200_000,
  maxCells: 5_000_000,
  maxBytes: 50 * MIB,
  maxUnpackedBytes: 500 * MIB,
  maxRatio: 200,
};

/**
 * TRUST_PROXY: comma-separated addresses or CIDRs (IPv4 and IPv6) of the proxies to
 * trust. The old yes/no values are refused: trusting every hop lets any client pick
 * its own address with X-Forwarded-For.
 */
export function parseProxyList(value: string): { list: string[]; bad: string[] } {
  const list: string[] = [];
  const bad: string[] = [];
  for (const item of value
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const [addr = '', bits, extra] = item.split('/');
    const family = isIP(addr);
    const max = family === 6 ? 128 : 32;
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
    if (family === 0 || !okBits || extra !== undefined) bad.push(item);
    else list.push(item);
  }
  return { list, bad };
}

export interface Config {
  database: DatabaseConfig;
  dataDir: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  uploadLimitBytes: number;
  imports: ImportLimits;
  /** the proxies to trust (addresses or CIDRs); empty: none, the peer's address is the client's */
  trustProxy: string[];
  passwordMinScore: number;
  evidence: {
    limitBytes: number;
    /** null: files under `${dataDir}/evidence` */
    s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | null;
  };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.PATUH_DATA_DIR ?? './data');
  return {
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    uploadLimitBytes: Math.round(e.PATUH_UPLOAD_LIMIT_MB * 1024 * 1024),
    imports: {
      ...DEFAULT_IMPORT_LIMITS,
      maxRows: e.PATUH_IMPORT_MAX_ROWS,
      maxCells: e.PATUH_IMPORT_MAX_CELLS,
      maxBytes: Math.round(e.PATUH_IMPORT_MAX_MB * MIB),
      maxUnpackedBytes: Math.round(e.PATUH_IMPORT_MAX_UNPACKED_MB * MIB),
    },
    trustProxy: e.TRUST_PROXY,
    passwordMinScore: e.PATUH_PASSWORD_MIN_SCORE,
    evidence: {
      limitBytes: Math.round(e.PATUH_EVIDENCE_LIMIT_MB * 1024 * 1024),
      s3:
        e.PATUH_S3_ENDPOINT &&
        e.PATUH_S3_BUCKET &&
        e.PATUH_S3_REGION &&
        e.PATUH_S3_ACCESS_KEY_ID &&
        e.PATUH_S3_SECRET_ACCESS_KEY
          ? {
              endpoint: e.PATUH_S3_ENDPOINT,
              bucket: e.PATUH_S3_BUCKET,
              region: e.PATUH_S3_REGION,
              accessKeyId: e.PATUH_S3_ACCESS_KEY_ID,
              secretAccessKey: e.PATUH_S3_SECRET_ACCESS_KEY,
            }
          : null,
    },
  };
}
