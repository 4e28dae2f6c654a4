/**
 * Evidence made on the device: photos are redrawn through a canvas (at most
 * 1600 px on the long side, JPEG quality 0.8), which drops every EXIF field; the
 * capture time and the GPS position are kept beside the file instead. PDFs are
 * kept as they are. Files are named by their sha256, as the server names them.
 */
import type { EvidenceFile, Gps } from './model';

export const MAX_PHOTO_EDGE = 1600;
export const JPEG_QUALITY = 0.8;
/** what the server accepts by default (PATUH_UPLOAD_LIMIT_MB) */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The position now, or null when the device cannot or may not tell (never blocks for long). */
export function currentPosition(timeoutMs = 8000): Promise<Gps | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => resolve(null), timeoutMs + 500);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        window.clearTimeout(timer);
        resolve({
          lat: p.coords.latitude,
          lng: p.coords.longitude,
          accuracy: Math.min(p.coords.accuracy, 100_000),
          at: new Date(p.timestamp).toISOString(),
        });
      },
      () => {
        window.clearTimeout(timer);
        resolve(null);
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}

/** The size that fits within max × max, keeping the aspect ratio (never enlarging). */
export function fitWithin(width: number, height: number, max = MAX_PHOTO_EDGE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Redraws a photo: upright (EXIF orientation applied), resized, JPEG, without metadata. */
export async function reencodePhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('this browser cannot draw on a canvas');
    g.fillStyle = '#ffffff'; // a transparent PNG becomes white, not black
    g.fillRect(0, 0, width, height);
    g.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('the photo could not be encoded'))),
        'image/jpeg',
        JPEG_QUALITY,
      ),
    );
  } finally {
    bitmap.close();
  }
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

export class EvidenceError extends Error {
  readonly reason: 'not_image' | 'not_pdf' | 'too_large';
  constructor(reason: 'not_image' | 'not_pdf' | 'too_large') {
    super(reason);
    this.reason = reason;
  }
}

/** A photo or a PDF, ready for the evidence store. `gps` is the position at capture. */
export async function prepareEvidence(
  file: File,
  as: 'photo' | 'document',
  userId: number,
  gps: Gps | null,
): Promise<EvidenceFile> {
  const capturedAt = new Date().toISOString();
  let blob: Blob;
  if (as === 'photo') {
    if (!file.type.startsWith('image/')) throw new EvidenceError('not_image');
    try {
      blob = await reencodePhoto(file);
    } catch {
      throw new EvidenceError('not_image');
    }
  } else {
    if (file.size > MAX_DOCUMENT_BYTES) throw new EvidenceError('too_large');
    if (!isPdf(new Uint8Array(await file.slice(0, 5).arrayBuffer()))) throw new EvidenceError('not_pdf');
    blob = file.slice(0, file.size, 'application/pdf');
  }
  return {
    sha256: await sha256Hex(blob),
    userId,
    blob,
    mediaType: as === 'photo' ? 'image/jpeg' : 'application/pdf',
    name: as === 'photo' ? `foto-${capturedAt.replace(/[:.]/g, '-')}.jpg` : file.name,
    size: blob.size,
    capturedAt,
    gps,
    uploaded: false,
  };
}
