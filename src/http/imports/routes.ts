/**
 * Imports over HTTP: a multipart upload (field `file`, .csv or .xlsx) is saved to a
 * temporary folder under its own name (reports and messages name it), handed to
 * the same import services the CLI uses, and removed afterwards. A file with bad
 * rows is refused whole: 422 IMPORT_REJECTED with details.errors [{row, column, message}].
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { canManageSupervision, ensure } from '../../services/auth/policy.ts';
import type { ServiceContext } from '../../services/context.ts';
import { importProducts } from '../../services/imports/import-products.ts';
import { checkImportAllowed, type ImportKind, importUploadedFile } from '../../services/imports/upload-import.ts';
import { yearParams } from '../../shared/api-schemas.ts';
import { readingMultipart } from '../multipart.ts';
import { describe, parse } from '../route-kit.ts';

/** A file name safe to write: the base name, with anything but letters, digits, dot, dash, underscore and space replaced. */
export function safeFileName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[^\p{L}\p{N}._\- ]/gu, '_')
    .slice(-120);
  return base.replace(/^\.+/, '') || 'upload';
}

async function receive(req: FastifyRequest, dir: string): Promise<string> {
  if (!req.isMultipart()) {
    throw new AppError('VALIDATION_FAILED', 'send the file as multipart/form-data in the field "file"');
  }
  const part = await req.file();
  if (part?.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', 'the upload needs a field named "file"');
  const name = safeFileName(part.filename);
  const ext = path.extname(name).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') {
    part.file.resume();
    throw new AppError('VALIDATION_FAILED', `cannot import ${name}: use a .csv or .xlsx file`);
  }
  const file = path.join(dir, name);
  await pipeline(part.file, createWriteStream(file));
  if (part.file.truncated) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `${name} is larger than the upload limit (PATUH_UPLOAD_LIMIT_MB); split it or raise the limit`,
    );
  }
  return file;
}

export function registerImportRoutes(
  app: FastifyInstance,
  ctx: ServiceContext,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): void {
  const summaries: Record<ImportKind, string> = {
    answers: 'Import answers (entity,unit,indicator,respondent,value) from CSV or XLSX (admin, central)',
    results: 'Import published results (entity,score or entity,unit,score) from CSV or XLSX (admin, central)',
    trust: 'Import public trust (entity,trust_score, optional perception) from CSV or XLSX (admin, central; from 2025)',
  };
  for (const kind of ['answers', 'results', 'trust'] as const satisfies readonly ImportKind[]) {
    app.post(
      `/api/v1/cycles/:year/imports/${kind}`,
      describe({
        tags: ['imports'],
        summary: summaries[kind],
        access: 'signed-in',
        params: yearParams,
        consumes: ['multipart/form-data'],
      }),
      async (req) => {
        const { year } = parse(yearParams, req.params);
        await checkImportAllowed(ctx, req.principal, year); // before reading a byte of the upload
        const dir = await mkdtemp(path.join(tmpdir(), 'patuh-upload-'));
        try {
          const file = await readingMultipart(() => receive(req, dir));
          return { data: await importUploadedFile(ctx, req.principal, year, kind, file, limits) };
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    );
  }
  app.post(
    '/api/v1/imports/products',
    describe({
      tags: ['imports'],
      summary:
        'Import the supervision product register (entity,kind,number,issued_on,due_on,status) from CSV or XLSX (admin, central; audited)',
      access: 'signed-in',
      consumes: ['multipart/form-data'],
    }),
    async (req) => {
      ensure(req.principal, canManageSupervision(req.principal), 'import the supervision product register');
      const dir = await mkdtemp(path.join(tmpdir(), 'patuh-upload-'));
      try {
        // an unreadable multipart body is the client's: 400, like the other imports
        const file = await readingMultipart(() => receive(req, dir));
        return { data: await importProducts(ctx, req.principal, file) };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
}
