/**
 * What kind of file a piece of evidence is, told by its first bytes (never by its
 * name or the type the client claims). Only what fieldwork needs is accepted:
 * photos (JPEG, PNG, WebP) and documents (PDF).
 */

export const EVIDENCE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

export const EXTENSION_OF: Record<EvidenceMediaType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * The media type by magic bytes, or null for anything else.
 *   JPEG  FF D8 FF                       (SOI and the first marker)
 *   PNG   89 50 4E 47 0D 0A 1A 0A        (the PNG signature)
 *   WebP  "RIFF" <size> "WEBP"
 *   PDF   "%PDF-"
 */
export function sniffMediaType(bytes: Uint8Array): EvidenceMediaType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/** A content address: 64 lower-case hex digits. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;
