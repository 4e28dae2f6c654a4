/** Evidence test files: small but real-looking photos and documents, and a binary-safe multipart body. */

/** A JPEG's first bytes (SOI, APP0 "JFIF") followed by `seed`, so each test file has its own hash. */
export const jpeg = (seed: string, size = 0): Buffer =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from(`JFIF\0${seed}`),
    Buffer.alloc(size, 0x2a),
    Buffer.from([0xff, 0xd9]),
  ]);

export const png = (seed: string): Buffer =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR${seed}`)]);

export const pdf = (seed: string): Buffer => Buffer.from(`%PDF-1.4\n% ${seed}\n%%EOF\n`);

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
