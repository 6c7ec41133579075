import fs from 'node:fs/promises';
import path from 'node:path';

/** 2026-06-01T10:00:00.000Z → 20260601T100000000Z: sortable and safe in any file system. */
function fileStamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

/** The file name of a mail written at `at`: time first, so a directory listing is in sending order. */
export function emlFileName(outboxId: number, at: Date): string {
  return `${fileStamp(at)}-outbox-${outboxId}.eml`;
}

/**
 * Writes a complete message to `dir` and returns its path. It is written to a
 * hidden temporary file first and renamed, so a reader never sees half a mail.
 */
export async function writeEml(dir: string, outboxId: number, at: Date, raw: Buffer): Promise<string> {
  const name = emlFileName(outboxId, at);
  const file = path.join(dir, name);
  const temporary = path.join(dir, `.${name}.${process.pid}.tmp`);
  await writeInto(dir, temporary, raw);
  await fs.rename(temporary, file);
  return file;
}

/** Directories this process has made; mkdir for every mail cost as much as writing it. */
const madeDirs = new Set<string>();

async function writeInto(dir: string, file: string, raw: Buffer): Promise<void> {
  if (!madeDirs.has(dir)) {
    await fs.mkdir(dir, { recursive: true });
    madeDirs.add(dir);
  }
  try {
    await fs.writeFile(file, raw);
  } catch (error) {
    // The directory was removed meanwhile: make it again, once.
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
    madeDirs.delete(dir);
    await fs.mkdir(dir, { recursive: true });
    madeDirs.add(dir);
    await fs.writeFile(file, raw);
  }
}
