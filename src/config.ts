/**
 * Configuration, parsed once at start-up from the environment; every problem is
 * reported at once.
 */
import path from 'node:path';
import { z } from 'zod';
import type { DatabaseConfig } from './db/database.ts';

const envSchema = z.object({
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
  /** behind a reverse proxy: trust X-Forwarded-For/-Proto for the client IP and https (secure cookies) */
  TRUST_PROXY: z.stringbool().default(false),
});

export interface Config {
  database: DatabaseConfig;
  dataDir: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  uploadLimitBytes: number;
  trustProxy: boolean;
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
    trustProxy: e.TRUST_PROXY,
  };
}
