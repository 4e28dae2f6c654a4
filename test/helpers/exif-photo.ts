/**
 * A real JPEG as a camera writes it: an APP1 "Exif" segment (little-endian TIFF)
 * with the camera's make, model, serial number, software and owner in IFD0 and the
 * Exif IFD, the capture time (DateTimeOriginal), a GPS position and a thumbnail in
 * IFD1; an XMP packet and a comment beside it. Written here byte by byte, so the
 * test does not trust the code it tests to make its input.
 */
import { jpeg } from './evidence.ts';

interface Entry {
  tag: number;
  /** 1 BYTE, 2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL */
  type: 1 | 2 | 3 | 4 | 5;
  value: string | number[] | Array<[number, number]>;
}

const ascii = (tag: number, s: string): Entry => ({ tag, type: 2, value: s });
const long = (tag: number, n: number): Entry => ({ tag, type: 4, value: [n] });

function encode(e: Entry): Buffer {
  if (e.type === 2) return Buffer.from(`${e.value as string}\0`, 'latin1');
  const values = e.value as Array<number | [number, number]>;
  if (e.type === 1) return Buffer.from(values as number[]);
  if (e.type === 3) return Buffer.concat(values.map((v) => Buffer.from([(v as number) & 0xff, (v as number) >> 8])));
  if (e.type === 4) return Buffer.concat(values.map((v) => u32(v as number)));
  return Buffer.concat(
    values.map((v) => Buffer.concat([u32((v as [number, number])[0]), u32((v as [number, number])[1])])),
  );
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

const count = (e: Entry) => (e.type === 2 ? (e.value as string).length + 1 : (e.value as unknown[]).length);

/** One IFD at `offset`: its entries, the next-IFD offset, then the values that do not fit in 4 bytes. */
function ifd(entries: Entry[], offset: number, next: number): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const head = Buffer.alloc(2 + sorted.length * 12 + 4);
  head.writeUInt16LE(sorted.length, 0);
  const overflow: Buffer[] = [];
  let at = offset + head.length;
  sorted.forEach((e, i) => {
    const o = 2 + i * 12;
    const data = encode(e);
    head.writeUInt16LE(e.tag, o);
    head.writeUInt16LE(e.type, o + 2);
    head.writeUInt32LE(count(e), o + 4);
    if (data.length <= 4) data.copy(head, o + 8);
    else {
      head.writeUInt32LE(at, o + 8);
      const padded = data.length % 2 ? Buffer.concat([data, Buffer.alloc(1)]) : data;
      overflow.push(padded);
      at += padded.length;
    }
  });
  head.writeUInt32LE(next, 2 + sorted.length * 12);
  return Buffer.concat([head, ...overflow]);
}

export const CAMERA = {
  make: 'Canon',
  model: 'Canon EOS 5D Mark IV',
  software: 'Adobe Photoshop Lightroom 6.0',
  serial: '032021001234',
  artist: 'Budi Santoso',
  taken: '2025:08:14 09:30:12',
  /** 6° 14' 18" S, 106° 58' 32.5" E (Kota Bekasi) */
  latitude: [
    [6, 1],
    [14, 1],
    [1800, 100],
  ] as Array<[number, number]>,
  longitude: [
    [106, 1],
    [58, 1],
    [3250, 100],
  ] as Array<[number, number]>,
};

/** The TIFF block (after "Exif\0\0"), with a thumbnail JPEG in IFD1. */
export function cameraExif(thumbnail: Buffer): Buffer {
  const exifEntries = [ascii(0x9003, CAMERA.taken), ascii(0xa431, CAMERA.serial), ascii(0xa434, 'EF24-105mm f/4L')];
  const gpsEntries: Entry[] = [
    { tag: 0x00, type: 1, value: [2, 3, 0, 0] },
    ascii(0x01, 'S'),
    { tag: 0x02, type: 5, value: CAMERA.latitude },
    ascii(0x03, 'E'),
    { tag: 0x04, type: 5, value: CAMERA.longitude },
  ];
  const ifd0 = (exifAt: number, gpsAt: number): Entry[] => [
    ascii(0x010f, CAMERA.make),
    ascii(0x0110, CAMERA.model),
    ascii(0x0131, CAMERA.software),
    ascii(0x013b, CAMERA.artist),
    long(0x8769, exifAt),
    long(0x8825, gpsAt),
  ];
  const ifd1 = (thumbAt: number): Entry[] => [
    { tag: 0x0103, type: 3, value: [6] },
    long(0x0201, thumbAt),
    long(0x0202, thumbnail.length),
  ];
  // sizes do not depend on the offsets: lay out once with zeros, then for real
  const size0 = ifd(ifd0(0, 0), 8, 0).length;
  const exifAt = 8 + size0;
  const exifBlock = ifd(exifEntries, exifAt, 0);
  const gpsAt = exifAt + exifBlock.length;
  const gpsBlock = ifd(gpsEntries, gpsAt, 0);
  const ifd1At = gpsAt + gpsBlock.length;
  const thumbAt = ifd1At + ifd(ifd1(0), ifd1At, 0).length;
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]);
  return Buffer.concat([
    header,
    ifd(ifd0(exifAt, gpsAt), 8, ifd1At),
    exifBlock,
    gpsBlock,
    ifd(ifd1(thumbAt), ifd1At, 0),
    thumbnail,
  ]);
}

function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

const XMP = `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${CAMERA.artist}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`;

/** A real JPEG (`seed` decides its bytes) carrying the camera's EXIF, an XMP packet and a comment. */
export function cameraJpeg(seed: string): Buffer {
  const image = jpeg(seed);
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), cameraExif(jpeg(`${seed} thumbnail`))]);
  return Buffer.concat([
    image.subarray(0, 2),
    segment(0xe1, exif),
    segment(0xe1, Buffer.from(XMP, 'latin1')),
    segment(0xfe, Buffer.from(`Taken by ${CAMERA.artist}`, 'latin1')),
    image.subarray(2),
  ]);
}
