/** multipart/form-data bodies for app.inject, as a browser sends a form with a file. */
import { randomBytes } from 'node:crypto';

export interface FilePart {
  field?: string;
  /** Sent as is inside filename="…" (quotes and backslashes escaped the way browsers do). */
  filename: string;
  contentType?: string;
  bytes: Buffer;
}

export function multipartBody(fields: Record<string, string | string[]>, files: FilePart[] = []): { payload: Buffer; contentType: string } {
  const boundary = `----tilmeld${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${one}\r\n`, 'utf8'));
    }
  }
  for (const f of files) {
    const filename = f.filename.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${filename}"\r\nContent-Type: ${f.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        'utf8',
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
