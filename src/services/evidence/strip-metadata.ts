/**
 * Stripping a photo's metadata on the server, whatever client uploaded it (issue 12,
 * finding 9): EXIF, XMP, IPTC, ICC profiles, comments, text chunks, thumbnails and
 * data after the image go; the capture time (DateTimeOriginal and its offset and
 * sub-seconds) and the GPS position stay. domain/evidence/image-metadata.ts decides
 * what must go; when something must, sharp decodes the image to bare pixels, turned
 * upright (the EXIF orientation applied to them), and encodes them once in the same format
 * (JPEG quality 92, PNG lossless, WebP quality 90 or lossless as it came) with only
 * the kept fields. A photo that carries nothing to strip — the collection app's,
 * or one stripped here before — is stored byte for byte, so stripping again changes
 * nothing and a file's sha256 stays its name. Stored is the stripped image; the
 * sha256 the upload answers is that of the stored bytes.
 *
 * Every image must decode: one sharp cannot read is refused (415). HEIC is not
 * accepted: the sharp build here reads HEIF only as AVIF (no HEVC decoder), so a
 * HEIC could not be stripped.
 */
import sharp from 'sharp';
import { imageMetadata, keptExif, metadataToStrip } from '../../domain/evidence/image-metadata.ts';
import type { EvidenceMediaType } from '../../domain/evidence/media-type.ts';
import { AppError } from '../../errors.ts';

/** The largest image decoded, in pixels (an 8,660 × 5,770 photo, 48-megapixel phones); a bigger one is refused, not decoded. */
export const MAX_IMAGE_PIXELS = 50_000_000;

const NAMES: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };

function unreadable(mediaType: EvidenceMediaType, e: unknown): AppError {
  const reason = (e as Error).message?.split('\n')[0]?.slice(0, 200) ?? 'unknown error';
  return new AppError(
    'UNSUPPORTED_MEDIA',
    `the photo cannot be read as a ${NAMES[mediaType] ?? mediaType} (${reason}); take or export it again as JPEG, PNG or WebP`,
  );
}

/** The bytes to store: the upload itself (a PDF, or a photo with nothing to strip), or the stripped photo. */
export async function stripImageMetadata(bytes: Uint8Array, mediaType: EvidenceMediaType): Promise<Uint8Array> {
  if (mediaType === 'application/pdf') return bytes;
  const options = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' as const };
  try {
    await sharp(bytes, options).metadata();
  } catch (e) {
    throw unreadable(mediaType, e);
  }
  if (metadataToStrip(bytes, mediaType).length === 0) return bytes;
  const found = imageMetadata(bytes, mediaType);
  const kept = keptExif(found.exif);
  try {
    // decoded to bare pixels first: libvips would carry parts of the input's EXIF (its
    // thumbnail) into the output; raw pixels carry nothing, and they are encoded once
    const { data, info } = await sharp(bytes, options).rotate().raw().toBuffer({ resolveWithObject: true });
    let image = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    const exif = Object.fromEntries(Object.entries(kept).filter(([, fields]) => Object.keys(fields).length > 0));
    if (Object.keys(exif).length > 0) image = image.withExif(exif);
    if (mediaType === 'image/jpeg') image = image.jpeg({ quality: 92 });
    else if (mediaType === 'image/png') image = image.png();
    else image = image.webp(found.lossless ? { lossless: true } : { quality: 90 });
    return new Uint8Array(await image.toBuffer());
  } catch (e) {
    throw unreadable(mediaType, e);
  }
}
