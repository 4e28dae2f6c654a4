/**
 * What metadata a photo carries, and what of it Patuh keeps (issue 12, finding 9):
 * the capture time and the GPS position, nothing else — no camera make, model or
 * serial number, software, owner, thumbnail, XMP, IPTC, ICC profile, comments, text
 * chunks or data after the image. Pure: the containers are walked here (JPEG
 * segments, PNG chunks, WebP chunks); services/evidence/strip-metadata.ts re-encodes
 * with sharp when something must go.
 */
import { type ExifTag, readExif, TAG, tagText } from './exif.ts';
import type { EvidenceMediaType } from './media-type.ts';

export interface ImageMetadata {
  /** the EXIF block (TIFF, possibly after "Exif\0\0"), if the image has one */
  exif: Uint8Array | null;
  /** metadata other than EXIF, by name ("XMP", "IPTC", "ICC profile", "comment", "PNG tEXt chunk" …) */
  other: string[];
  /** a WebP in its lossless encoding (VP8L): re-encoded losslessly */
  lossless: boolean;
}

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

function jpegMetadata(b: Uint8Array): ImageMetadata {
  const other: string[] = [];
  let exif: Uint8Array | null = null;
  let i = 2;
  let scanning = false;
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) {
      if (!scanning) return { exif, other: [...other, 'malformed segments'], lossless: false };
      i++;
      continue;
    }
    const m = b[i + 1] ?? 0;
    if (m === 0xff) {
      i++;
      continue;
    }
    if (scanning && (m === 0x00 || (m >= 0xd0 && m <= 0xd7))) {
      i += 2;
      continue;
    }
    if (m === 0xd9) {
      const rest = b.subarray(i + 2);
      if (rest.some((x) => x !== 0)) other.push('data after the end of the image');
      return { exif, other, lossless: false };
    }
    if (i + 4 > b.length) break;
    const len = ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0);
    const body = b.subarray(i + 4, i + 2 + len);
    if (m === 0xe0) {
      if (ascii(body, 0, 5) !== 'JFIF\0') other.push(ascii(body, 0, 4) === 'JFXX' ? 'JFIF thumbnail' : 'APP0 segment');
    } else if (m === 0xe1) {
      if (ascii(body, 0, 6) === 'Exif\0\0' && !exif) exif = body;
      else other.push(ascii(body, 0, 4) === 'http' ? 'XMP' : 'APP1 segment');
    } else if (m === 0xe2) other.push(ascii(body, 0, 11) === 'ICC_PROFILE' ? 'ICC profile' : 'APP2 segment');
    else if (m === 0xed) other.push('IPTC');
    else if (m === 0xee) {
      if (ascii(body, 0, 5) !== 'Adobe') other.push('APP14 segment');
    } else if (m >= 0xe0 && m <= 0xef) other.push(`APP${m - 0xe0} segment`);
    else if (m === 0xfe) other.push('comment');
    if (m === 0xda) scanning = true;
    i += 2 + len;
  }
  return { exif, other: [...other, 'no end of image'], lossless: false };
}

const PNG_STRUCTURE = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD', 'pHYs']);

function pngMetadata(b: Uint8Array): ImageMetadata {
  const other: string[] = [];
  let exif: Uint8Array | null = null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 8;
  while (i + 8 <= b.length) {
    const len = view.getUint32(i);
    const type = ascii(b, i + 4, i + 8);
    const data = b.subarray(i + 8, i + 8 + len);
    if (type === 'eXIf' && !exif) exif = data;
    else if (type === 'iCCP') other.push('ICC profile');
    else if (!PNG_STRUCTURE.has(type)) other.push(`PNG ${type} chunk`);
    i += 12 + len;
    if (type === 'IEND') {
      if (i < b.length) other.push('data after the end of the image');
      return { exif, other, lossless: false };
    }
  }
  return { exif, other: [...other, 'no end of image'], lossless: false };
}

const WEBP_STRUCTURE = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF']);

function webpMetadata(b: Uint8Array): ImageMetadata {
  const other: string[] = [];
  let exif: Uint8Array | null = null;
  let lossless = false;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 12;
  while (i + 8 <= b.length) {
    const type = ascii(b, i, i + 4);
    const len = view.getUint32(i + 4, true);
    const data = b.subarray(i + 8, i + 8 + len);
    if (type === 'VP8L') lossless = true;
    if (type === 'EXIF' && !exif) exif = data;
    else if (type === 'XMP ') other.push('XMP');
    else if (type === 'ICCP') other.push('ICC profile');
    else if (!WEBP_STRUCTURE.has(type)) other.push(`WebP ${type.trim()} chunk`);
    i += 8 + len + (len % 2);
  }
  return { exif, other, lossless };
}

/** The metadata blocks of a JPEG, PNG or WebP (by its sniffed type). */
export function imageMetadata(bytes: Uint8Array, mediaType: EvidenceMediaType): ImageMetadata {
  if (mediaType === 'image/jpeg') return jpegMetadata(bytes);
  if (mediaType === 'image/png') return pngMetadata(bytes);
  if (mediaType === 'image/webp') return webpMetadata(bytes);
  return { exif: null, other: [], lossless: false };
}

/** The capture time kept from the Exif IFD. */
const KEPT_TIME = new Map<number, string>([
  [TAG.DateTimeOriginal, 'DateTimeOriginal'],
  [TAG.OffsetTimeOriginal, 'OffsetTimeOriginal'],
  [TAG.SubSecTimeOriginal, 'SubSecTimeOriginal'],
]);

/** The GPS tags kept: position, altitude, direction, accuracy, datum and the GPS time. */
const KEPT_GPS = new Map<number, string>([
  [0x01, 'GPSLatitudeRef'],
  [0x02, 'GPSLatitude'],
  [0x03, 'GPSLongitudeRef'],
  [0x04, 'GPSLongitude'],
  [0x06, 'GPSAltitude'],
  [0x07, 'GPSTimeStamp'],
  [0x0b, 'GPSDOP'],
  [0x10, 'GPSImgDirectionRef'],
  [0x11, 'GPSImgDirection'],
  [0x12, 'GPSMapDatum'],
  [0x1d, 'GPSDateStamp'],
  [0x1f, 'GPSHPositioningError'],
]);

/**
 * Tags that describe only the encoded image (resolution, colour space, size, the IFD
 * pointers, the EXIF version) and nothing about the camera, its owner or its
 * software. The encoder writes them itself, so a stripped image holds them.
 */
const STRUCTURAL: Record<string, ReadonlySet<number>> = {
  IFD0: new Set([0x011a, 0x011b, 0x0128, 0x0213, TAG.Orientation, TAG.ExifIFD, TAG.GPSIFD]),
  Exif: new Set([0x9000, 0x9101, 0xa000, 0xa001, 0xa002, 0xa003]),
  GPS: new Set([0x00, 0x05]),
};

const isKept = (t: ExifTag): boolean =>
  (t.ifd === 'Exif' && KEPT_TIME.has(t.tag)) ||
  (t.ifd === 'GPS' && KEPT_GPS.has(t.tag)) ||
  (STRUCTURAL[t.ifd]?.has(t.tag) ?? false);

/** What an image carries that Patuh does not keep; empty when it may be stored as it is. */
export function metadataToStrip(bytes: Uint8Array, mediaType: EvidenceMediaType): string[] {
  const m = imageMetadata(bytes, mediaType);
  const drop = [...m.other];
  if (m.exif) {
    for (const t of readExif(m.exif)) {
      if (!isKept(t)) drop.push(`EXIF ${t.ifd} tag 0x${t.tag.toString(16).padStart(4, '0')}`);
    }
  }
  return drop;
}

/** The EXIF fields kept, named as sharp's withExif takes them (IFD2: Exif, IFD3: GPS); ASCII and rationals only. */
export function keptExif(exif: Uint8Array | null): { IFD2: Record<string, string>; IFD3: Record<string, string> } {
  const kept = { IFD2: {} as Record<string, string>, IFD3: {} as Record<string, string> };
  if (!exif) return kept;
  for (const t of readExif(exif)) {
    if (t.type !== 2 && t.type !== 5) continue;
    const text = tagText(t);
    if (text === '' || text.length > 200) continue;
    if (t.ifd === 'Exif' && KEPT_TIME.has(t.tag)) kept.IFD2[KEPT_TIME.get(t.tag) as string] = text;
    if (t.ifd === 'GPS' && KEPT_GPS.has(t.tag)) kept.IFD3[KEPT_GPS.get(t.tag) as string] = text;
  }
  return kept;
}
