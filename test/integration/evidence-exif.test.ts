/**
 * The server strips photo metadata but capture time and GPS, whatever client
 * uploads (issue 12, finding 9): a camera JPEG (make, model, serial, software,
 * owner, thumbnail, XMP, comment, GPS, DateTimeOriginal) is served with its GPS and
 * DateTimeOriginal only; PNG text chunks and WebP EXIF go the same way; what is
 * stored is the stripped image, its sha256 is what the upload answers, and that
 * hash is the one that links (the original's does not).
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExif, TAG, tagText } from '../../src/domain/evidence/exif.ts';
import { metadataToStrip } from '../../src/domain/evidence/image-metadata.ts';
import { SYSTEM } from '../../src/services/auth/principal.ts';
import { generateFollowUp } from '../../src/services/follow-up/generate.ts';
import { type Auth, buildWorld, json, send, type World, X } from '../helpers/api.ts';
import { evidenceForm, jpeg, png } from '../helpers/evidence.ts';
import { CAMERA, cameraJpeg } from '../helpers/exif-photo.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let w: World;

const upload = async (auth: Auth | null, file: Buffer) => {
  const f = evidenceForm(file);
  return send(w.app, auth, { method: 'POST', url: '/api/v1/evidence', body: f.body, headers: f.headers });
};
const served = async (auth: Auth | null, hash: string) => {
  const res = await send(w.app, auth, { method: 'GET', url: `/api/v1/evidence/${hash}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
};
const has = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, 'latin1'));

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => w?.close());

describe('a camera JPEG', () => {
  const original = cameraJpeg('camera photo');

  it('carries what a camera writes (the test input is real)', async () => {
    const m = await sharp(original).metadata();
    expect(m.format).toBe('jpeg');
    expect(m.xmp).toBeDefined();
    const tags = readExif(m.exif as Buffer);
    const text = (tag: number) => tags.find((t) => t.tag === tag && t.ifd !== 'GPS');
    expect(text(TAG.Make) && tagText(text(TAG.Make)!)).toBe(CAMERA.make);
    expect(text(TAG.Model) && tagText(text(TAG.Model)!)).toBe(CAMERA.model);
    expect(tags.some((t) => t.ifd === 'IFD1' && t.tag === TAG.ThumbnailOffset)).toBe(true);
    expect(metadataToStrip(original, 'image/jpeg').length).toBeGreaterThan(5);
  });

  it('is served with its GPS position and capture time, and nothing else of its metadata', async () => {
    const res = await upload(w.auth.assessor, original);
    expect(res.statusCode).toBe(201);
    const answer = json(res).data;
    expect(answer.sha256).not.toBe(sha(original)); // the stripped image is stored, under its own hash
    const bytes = await served(w.auth.assessor, answer.sha256);
    expect(sha(bytes)).toBe(answer.sha256);
    expect(answer.size).toBe(bytes.length);

    const m = await sharp(bytes).metadata();
    expect([m.format, m.width, m.height]).toEqual(['jpeg', 8, 8]);
    expect(m.xmp).toBeUndefined();
    expect(m.iptc).toBeUndefined();
    const tags = readExif(m.exif as Buffer);
    const get = (ifd: string, tag: number) => tags.find((t) => t.ifd === ifd && t.tag === tag);
    expect(tagText(get('Exif', TAG.DateTimeOriginal)!)).toBe(CAMERA.taken);
    expect(get('GPS', 0x01)?.value).toBe('S');
    expect(get('GPS', 0x02)?.value).toEqual(CAMERA.latitude);
    expect(get('GPS', 0x03)?.value).toBe('E');
    expect(get('GPS', 0x04)?.value).toEqual(CAMERA.longitude);
    for (const tag of [TAG.Make, TAG.Model, TAG.Software, TAG.Artist, TAG.BodySerialNumber, TAG.LensModel]) {
      expect(tags.find((t) => t.tag === tag && t.ifd !== 'GPS')).toBeUndefined();
    }
    expect(tags.filter((t) => t.ifd === 'IFD1')).toEqual([]); // no thumbnail
    // nor anywhere else in the file
    for (const s of [CAMERA.make, CAMERA.model, CAMERA.software, CAMERA.serial, CAMERA.artist, 'xmpmeta', 'Taken by']) {
      expect(has(bytes, s), s).toBe(false);
    }
    expect(metadataToStrip(bytes, 'image/jpeg')).toEqual([]);
  });

  it('dedupes: the original again, and the stripped file itself, answer the same hash', async () => {
    const first = json(await upload(w.auth.assessor, original)).data.sha256;
    const again = await upload(w.auth.office_head, original);
    expect([again.statusCode, json(again).data.sha256]).toEqual([201, first]);
    const stripped = await served(w.auth.assessor, first);
    expect(json(await upload(w.auth.assessor, stripped)).data.sha256).toBe(first); // stored byte for byte
    const rows = await w.t.ctx.db.selectFrom('evidence').select('sha256').where('sha256', '=', first).execute();
    expect(rows).toHaveLength(1);
  });

  it('links by the hash the upload answered; the original’s hash is not a file', async () => {
    await generateFollowUp(w.t.ctx, SYSTEM, 2022, X);
    const items = json(
      await send(w.app, w.auth.entity_official, { method: 'GET', url: `/api/v1/cycles/2022/entities/${X}/follow-up` }),
    );
    const id = items.data[0]?.id ?? items.data.items?.[0]?.id;
    const photo = cameraJpeg('official photo');
    const answered = json(await upload(w.auth.entity_official, photo)).data.sha256;
    const patch = (hash: string) =>
      send(w.app, w.auth.entity_official, {
        method: 'PATCH',
        url: `/api/v1/follow-up/${id}`,
        body: { status: 'in_progress', note: 'foto', evidence: [hash] },
      });
    expect((await patch(sha(photo))).statusCode).toBe(404);
    expect((await patch(answered)).statusCode).toBe(200);
  });
});

describe('other formats and clients', () => {
  it('strips PNG text chunks (author, XMP) and keeps the pixels', async () => {
    const original = png('png with author', [
      ['tEXt', Buffer.from(`Author\0${CAMERA.artist}`, 'latin1')],
      ['iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>', 'latin1')],
    ]);
    const hash = json(await upload(w.auth.assessor, original)).data.sha256;
    const bytes = await served(w.auth.assessor, hash);
    expect(has(bytes, CAMERA.artist) || has(bytes, 'xmpmeta')).toBe(false);
    const [a, b] = await Promise.all([original, bytes].map((x) => sharp(x).raw().toBuffer()));
    expect(b?.equals(a as Buffer)).toBe(true); // PNG: lossless
    expect(metadataToStrip(bytes, 'image/png')).toEqual([]);
  });

  it('strips a WebP’s camera EXIF but its capture time and GPS', async () => {
    const original = await sharp(jpeg('webp source'))
      .withExif({
        IFD0: { Make: CAMERA.make, Model: CAMERA.model },
        IFD2: { DateTimeOriginal: CAMERA.taken },
        IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 14/1 1800/100' },
      })
      .webp()
      .toBuffer();
    expect(has(original, CAMERA.model)).toBe(true);
    const hash = json(await upload(w.auth.assessor, original)).data.sha256;
    const bytes = await served(w.auth.assessor, hash);
    const m = await sharp(bytes).metadata();
    expect(m.format).toBe('webp');
    const tags = readExif(m.exif as Buffer);
    expect(tagText(tags.find((t) => t.tag === TAG.DateTimeOriginal)!)).toBe(CAMERA.taken);
    expect(tags.find((t) => t.ifd === 'GPS' && t.tag === 0x02)?.value).toEqual(CAMERA.latitude);
    expect(has(bytes, CAMERA.make)).toBe(false);
    expect(metadataToStrip(bytes, 'image/webp')).toEqual([]);
  });

  it('stores a photo without metadata (the collection app’s) byte for byte', async () => {
    const clean = jpeg('from the collection app');
    expect(json(await upload(w.auth.assessor, clean)).data.sha256).toBe(sha(clean));
  });

  it('refuses a “photo” it cannot read (415): it could not be stripped', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF\0not a photo at all')]);
    const res = await upload(w.auth.assessor, fake);
    expect(res.statusCode).toBe(415);
    expect(json(res).error.message).toMatch(/cannot be read as a JPEG/);
  });
});
