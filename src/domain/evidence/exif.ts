/**
 * A small EXIF reader: the TIFF structure inside a JPEG APP1 "Exif" segment, a PNG
 * eXIf chunk or a WebP EXIF chunk (sharp's metadata().exif is the APP1 payload,
 * "Exif\0\0" and the TIFF header). It reads the tags of IFD0, IFD1 (the thumbnail),
 * the Exif, GPS and Interoperability IFDs, with ASCII, SHORT, LONG and RATIONAL
 * values decoded; enough to decide what an upload carries and what is kept
 * (image-metadata.ts). Pure; never throws for malformed input (it reads what it can).
 */

export type IfdName = 'IFD0' | 'IFD1' | 'Exif' | 'GPS' | 'Interop';

export interface ExifTag {
  ifd: IfdName;
  tag: number;
  /** the EXIF type: 1 BYTE, 2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL, 7 UNDEFINED, 9 SLONG, 10 SRATIONAL */
  type: number;
  count: number;
  /** ASCII as a string; SHORT/LONG as numbers; RATIONAL as [numerator, denominator] pairs; other types as bytes */
  value: string | number[] | Array<[number, number]> | Uint8Array;
}

/** Tag numbers this code names. */
export const TAG = {
  Make: 0x010f,
  Model: 0x0110,
  Orientation: 0x0112,
  Software: 0x0131,
  DateTime: 0x0132,
  Artist: 0x013b,
  Copyright: 0x8298,
  ExifIFD: 0x8769,
  GPSIFD: 0x8825,
  InteropIFD: 0xa005,
  ThumbnailOffset: 0x0201,
  ThumbnailLength: 0x0202,
  DateTimeOriginal: 0x9003,
  OffsetTimeOriginal: 0x9011,
  SubSecTimeOriginal: 0x9291,
  BodySerialNumber: 0xa431,
  LensModel: 0xa434,
} as const;

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 };
const MAX_TAGS = 2000;

/** The TIFF bytes of an EXIF block: after "Exif\0\0" when present. */
export function tiffOf(exif: Uint8Array): Uint8Array {
  const head = String.fromCharCode(...exif.subarray(0, 6));
  return head === 'Exif\0\0' ? exif.subarray(6) : exif;
}

/** Every tag the block holds (IFD0, its IFD1, and the Exif, GPS and Interop IFDs they point to). */
export function readExif(exif: Uint8Array): ExifTag[] {
  const b = tiffOf(exif);
  if (b.length < 8) return [];
  const order = String.fromCharCode(b[0] ?? 0, b[1] ?? 0);
  if (order !== 'II' && order !== 'MM') return [];
  const le = order === 'II';
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (o: number) => (o + 2 <= b.length ? view.getUint16(o, le) : 0);
  const u32 = (o: number) => (o + 4 <= b.length ? view.getUint32(o, le) : 0);
  const out: ExifTag[] = [];
  const seen = new Set<number>();

  const readIfd = (offset: number, ifd: IfdName): number => {
    if (offset < 8 || offset + 2 > b.length || seen.has(offset) || out.length > MAX_TAGS) return 0;
    seen.add(offset);
    const n = u16(offset);
    for (let i = 0; i < n && out.length <= MAX_TAGS; i++) {
      const e = offset + 2 + i * 12;
      if (e + 12 > b.length) break;
      const tag = u16(e);
      const type = u16(e + 2);
      const count = u32(e + 4);
      const size = (TYPE_SIZE[type] ?? 1) * count;
      const at = size <= 4 ? e + 8 : u32(e + 8);
      if (at + size > b.length) {
        out.push({ ifd, tag, type, count, value: new Uint8Array() });
        continue;
      }
      out.push({ ifd, tag, type, count, value: decode(type, count, at) });
    }
    return u32(offset + 2 + n * 12);
  };

  function decode(type: number, count: number, at: number): ExifTag['value'] {
    const items = Math.min(count, 4096);
    if (type === 2) return String.fromCharCode(...b.subarray(at, at + count)).replace(/\0+$/, '');
    if (type === 3) return Array.from({ length: items }, (_, i) => u16(at + i * 2));
    if (type === 4) return Array.from({ length: items }, (_, i) => u32(at + i * 4));
    if (type === 5)
      return Array.from({ length: items }, (_, i) => [u32(at + i * 8), u32(at + i * 8 + 4)] as [number, number]);
    return b.slice(at, at + Math.min(count * (TYPE_SIZE[type] ?? 1), 65536));
  }

  const next = readIfd(u32(4), 'IFD0');
  if (next) readIfd(next, 'IFD1');
  const pointer = (ifd: IfdName, tag: number) => {
    const v = out.find((t) => t.ifd === ifd && t.tag === tag)?.value;
    return Array.isArray(v) && typeof v[0] === 'number' ? v[0] : 0;
  };
  const exifAt = pointer('IFD0', TAG.ExifIFD);
  if (exifAt) readIfd(exifAt, 'Exif');
  const gpsAt = pointer('IFD0', TAG.GPSIFD);
  if (gpsAt) readIfd(gpsAt, 'GPS');
  const interopAt = pointer('Exif', TAG.InteropIFD);
  if (interopAt) readIfd(interopAt, 'Interop');
  return out;
}

/** A tag's value as text: ASCII as is, numbers joined by spaces, rationals as "n/d n/d". */
export function tagText(t: ExifTag): string {
  if (typeof t.value === 'string') return t.value;
  if (t.value instanceof Uint8Array) return String.fromCharCode(...t.value).replace(/\0+$/, '');
  return t.value.map((v) => (Array.isArray(v) ? `${v[0]}/${v[1]}` : String(v))).join(' ');
}
