/**
 * Reading a multipart upload: a body the parser cannot read (no boundary, a part
 * without headers, data that ends before the closing boundary) is the sender's
 * mistake, 400 MALFORMED_REQUEST, never a 500. Errors of the system (the disk) and
 * our own AppErrors pass through as they are.
 */
import { AppError, isAppError } from '../errors.ts';
import { findUnstorableText } from '../shared/text-input.ts';

export async function readingMultipart<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (isAppError(e)) throw e;
    const err = e as { code?: unknown; syscall?: unknown; statusCode?: unknown; message?: unknown };
    if (err.syscall !== undefined) throw e; // the file system, not the request
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw e;
    if (typeof err.statusCode === 'number' && err.statusCode !== 400 && err.statusCode < 500) throw e;
    const why = typeof err.message === 'string' ? err.message.slice(0, 200) : 'unreadable';
    throw new AppError(
      'MALFORMED_REQUEST',
      `the multipart body could not be read (${why}); send multipart/form-data with its boundary, the field "file", and the closing boundary`,
    );
  }
}

/** The text fields of an upload, refused like any other text the database cannot hold. */
export function checkUploadFields(fields: Record<string, string>): void {
  const found = findUnstorableText(fields);
  if (found) throw new AppError('MALFORMED_REQUEST', `field ${found.path.slice(0, 100)} ${found.message}`);
}
