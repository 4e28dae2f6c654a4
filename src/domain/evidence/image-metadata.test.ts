import { describe, expect, it } from 'vitest';
import { readExif, TAG, tagText } from './exif.ts';
import { keptExif, metadataToStrip } from './image-metadata.ts';

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** Little-endian TIFF: IFD0 with Make ("Canon") and a pointer to an Exif IFD with DateTimeOriginal. */
function tiff(): Uint8Array {
  const taken = '2025:08:14 09:30:12\0'; // 20 bytes
  // header 8 | IFD0 at 8: 2 entries (2 + 24 + 4 = 30) → 38 | Exif IFD at 38: 1 entry (18) → 56 | "Canon\0" 56 | time 62
  return bytes(
    'II',
    [0x2a, 0, 8, 0, 0, 0],
    [2, 0],
    [0x0f, 0x01, 2, 0, 6, 0, 0, 0, 56, 0, 0, 0],
    [0x69, 0x87, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0],
    [0, 0, 0, 0],
    [1, 0],
    [0x03, 0x90, 2, 0, 20, 0, 0, 0, 62, 0, 0, 0],
    [0, 0, 0, 0],
    'Canon\0',
    taken,
  );
}

const be32 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const pngChunk = (type: string, data: number[]) => [...be32(data.length), ...bytes(type), ...data, 0, 0, 0, 0];
const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('the EXIF reader', () => {
  it('reads IFD0 and the Exif IFD it points to', () => {
    const tags = readExif(tiff());
    expect(tagText(tags.find((t) => t.tag === TAG.Make)!)).toBe('Canon');
    expect(tags.find((t) => t.ifd === 'Exif' && t.tag === TAG.DateTimeOriginal)?.value).toBe('2025:08:14 09:30:12');
  });

  it('never throws on malformed input, and does not loop on an IFD pointing at itself', () => {
    expect(readExif(bytes('II', [0x2a, 0, 200, 0, 0, 0]))).toEqual([]);
    expect(readExif(bytes('XX'))).toEqual([]);
    const loop = bytes('II', [0x2a, 0, 8, 0, 0, 0], [1, 0], [0x69, 0x87, 4, 0, 1, 0, 0, 0, 8, 0, 0, 0], [8, 0, 0, 0]);
    expect(readExif(loop).length).toBeLessThan(5);
  });

  it('keeps the capture time for sharp, not the make', () => {
    expect(keptExif(tiff())).toEqual({ IFD2: { DateTimeOriginal: '2025:08:14 09:30:12' }, IFD3: {} });
  });
});

describe('what a photo must lose', () => {
  it('names the camera tags of a JPEG’s EXIF, its XMP and its comment', () => {
    const exif = [...bytes('Exif\0\0'), ...tiff()];
    const xmp = [...bytes('http://ns.adobe.com/xap/1.0/\0<x/>')];
    const seg = (m: number, body: number[]) => [0xff, m, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
    const jpeg = bytes(
      [0xff, 0xd8],
      seg(0xe1, exif),
      seg(0xe1, xmp),
      seg(0xfe, [65]),
      seg(0xda, [0]),
      [1, 2, 0xff, 0xd9],
    );
    expect(metadataToStrip(jpeg, 'image/jpeg')).toEqual(['XMP', 'comment', 'EXIF IFD0 tag 0x010f']);
    expect(metadataToStrip(bytes([0xff, 0xd8], seg(0xda, [0]), [0xff, 0xd9]), 'image/jpeg')).toEqual([]);
    expect(metadataToStrip(bytes([0xff, 0xd8], seg(0xda, [0]), [0xff, 0xd9], 'tail'), 'image/jpeg')).toEqual([
      'data after the end of the image',
    ]);
  });

  it('names PNG text and ICC chunks, and keeps the structure', () => {
    const clean = bytes(PNG_SIG, pngChunk('IHDR', [0]), pngChunk('IDAT', [0]), pngChunk('IEND', []));
    expect(metadataToStrip(clean, 'image/png')).toEqual([]);
    const text = bytes(
      PNG_SIG,
      pngChunk('IHDR', [0]),
      pngChunk('tEXt', [65, 0, 66]),
      pngChunk('iCCP', [0]),
      pngChunk('IEND', []),
    );
    expect(metadataToStrip(text, 'image/png')).toEqual(['PNG tEXt chunk', 'ICC profile']);
  });

  it('names WebP XMP chunks', () => {
    const chunk = (type: string, data: number[]) => [
      ...bytes(type),
      data.length,
      0,
      0,
      0,
      ...data,
      ...(data.length % 2 ? [0] : []),
    ];
    const webp = bytes('RIFF', [0, 0, 0, 0], 'WEBP', chunk('VP8 ', [1, 2]), chunk('XMP ', [60]));
    expect(metadataToStrip(webp, 'image/webp')).toEqual(['XMP']);
  });
});
