/**
 * Evidence over HTTP. POST /api/v1/evidence takes a multipart upload (field `file`,
 * optional fields `subject` and `item`) and answers its sha256, media type and size
 * (201, the same answer whether the bytes were stored before or not, so an upload
 * does not reveal that a file exists). GET /api/v1/evidence/:sha256
 * serves the bytes to those who may see them (open-evidence.ts), with the sha256
 * as ETag. Type and size are the service's to check; the route stops reading at
 * the size limit.
 */
import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type EvidenceMediaType, EXTENSION_OF } from '../../domain/evidence/media-type.ts';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../../services/context.ts';
import { openEvidence } from '../../services/evidence/open-evidence.ts';
import type { EvidenceStorage } from '../../services/evidence/storage.ts';
import { checkUploadAllowed, storeEvidence, tooLarge } from '../../services/evidence/store-evidence.ts';
import { type EvidenceView, evidenceUploadFields, sha256Params } from '../../shared/records-schemas.ts';
import { checkUploadFields, readingMultipart } from '../multipart.ts';
import { describe, parse } from '../route-kit.ts';

interface Received {
  bytes: Buffer;
  fields: Record<string, string>;
}

async function receive(req: FastifyRequest, limitBytes: number): Promise<Received> {
  if (!req.isMultipart()) {
    throw new AppError('VALIDATION_FAILED', 'send the file as multipart/form-data in the field "file"');
  }
  const fields: Record<string, string> = {};
  let bytes: Buffer | null = null;
  try {
    await readingMultipart(async () => {
      for await (const part of req.parts({ limits: { fileSize: limitBytes, files: 1 } })) {
        if (part.type === 'field') {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new AppError('VALIDATION_FAILED', `send the file in the field "file", not "${part.fieldname}"`);
        }
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        if (part.file.truncated) throw tooLarge(limitBytes);
        bytes = Buffer.concat(chunks);
      }
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(limitBytes);
    throw e;
  }
  if (!bytes) throw new AppError('VALIDATION_FAILED', 'the upload needs a field named "file"');
  checkUploadFields(fields);
  return { bytes, fields };
}

export function registerEvidenceRoutes(app: FastifyInstance, ctx: ServiceContext, evidence: EvidenceStorage): void {
  const deps = { db: ctx.db, evidence };

  app.post(
    '/api/v1/evidence',
    describe({
      tags: ['evidence'],
      summary:
        'Upload a photo (JPEG, PNG, WebP) or document (PDF); multipart field "file", optional "subject" and "item"',
      access: 'signed-in',
      consumes: ['multipart/form-data'],
    }),
    async (req, reply) => {
      checkUploadAllowed(req.principal); // before reading a byte of the upload
      const { bytes, fields } = await receive(req, evidence.limitBytes);
      const f = parse(evidenceUploadFields, fields);
      const stored = await storeEvidence(deps, req.principal, { bytes, subject: f.subject, item: f.item });
      const view: EvidenceView = { sha256: stored.sha256, mediaType: stored.mediaType, size: stored.size };
      return reply.code(201).send({ data: view });
    },
  );

  app.get(
    '/api/v1/evidence/:sha256',
    describe({
      tags: ['evidence'],
      summary: 'The bytes of a piece of evidence (to those who may see a subject it supports)',
      access: 'signed-in',
      params: sha256Params,
    }),
    async (req, reply) => {
      const { sha256 } = parse(sha256Params, req.params);
      const ifNoneMatch = req.headers['if-none-match'];
      const opened = await openEvidence(deps, req.principal, sha256, { ifNoneMatch });
      void reply.header('etag', `"${sha256}"`).header('cache-control', 'private, no-cache');
      if ('notModified' in opened) return reply.code(304).send();
      const ext = EXTENSION_OF[opened.mediaType as EvidenceMediaType] ?? 'bin';
      return reply
        .type(opened.mediaType)
        .header('content-length', String(opened.size))
        .header('content-disposition', `inline; filename="${sha256}.${ext}"`)
        .send(opened.body);
    },
  );
}
