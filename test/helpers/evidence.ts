/**
 * Evidence test files: small but real photos (they decode; the server refuses a photo
 * it cannot read) and documents, each seed its own bytes and hash, and a binary-safe
 * multipart body. The photos carry no metadata, so the server stores them byte for
 * byte; exif-photo.ts makes one that carries camera metadata.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/** An 8 × 8 baseline JPEG made by sharp (no APPn segment, no metadata). */
const BASE_JPEG = Buffer.from(
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABv/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKgFY6//2Q==',
  'base64',
);

const digest = (seed: string) => createHash('sha256').update(seed).digest();

/** A real JPEG, its own bytes per `seed`: the first 32 entries of its luminance quantisation table come from the seed. */
export const jpeg = (seed: string): Buffer => {
  const out = Buffer.from(BASE_JPEG);
  const h = digest(seed);
  for (let k = 0; k < 32; k++) out[7 + k] = ((h[k] ?? 0) % 255) + 1; // the DQT values start at byte 7
  return out;
};

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real 8 × 8 RGB PNG whose pixels come from `seed`; `extra` chunks (e.g. tEXt) go before IDAT. */
export const png = (seed: string, extra: Array<[string, Buffer]> = []): Buffer => {
  const ihdr = Buffer.from([0, 0, 0, 8, 0, 0, 0, 8, 8, 2, 0, 0, 0]);
  const h = digest(seed);
  const rows = Buffer.concat(
    Array.from({ length: 8 }, (_, y) =>
      Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: 24 }, (_, x) => h[(x + y * 3) % 32] ?? 0))]),
    ),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...extra.map(([type, data]) => chunk(type, data)),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** A PDF's header and `seed`, padded to at least `size` bytes. */
export const pdf = (seed: string, size = 0): Buffer => {
  const text = Buffer.from(`%PDF-1.4\n% ${seed}\n%%EOF\n`);
  return text.length >= size ? text : Buffer.concat([text, Buffer.alloc(size - text.length, 0x20)]);
};

/** multipart/form-data with the file in field "file" (or `fileField`) and text fields. */
export function evidenceForm(
  file: Buffer | null,
  opts: { filename?: string; fields?: Record<string, string>; fileField?: string } = {},
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----patuh${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(opts.fields ?? {})) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${opts.fileField ?? 'file'}"; filename="${opts.filename ?? 'photo.jpg'}"\r\n` +
          'Content-Type: image/jpeg\r\n\r\n',
      ),
      file,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
