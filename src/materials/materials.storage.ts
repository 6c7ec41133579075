/**
 * Where material bytes live: DATA_DIR/files/{storage key}, outside anything
 * served directly, under 128 random bits. An upload is first streamed to
 * DATA_DIR/upload-tmp (same disk, outside the backed-up folder), checked, and
 * only then moved into place with a rename, so DATA_DIR/files never holds a
 * half-written file.
 */
import fs from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export function materialsDir(dataDir: string): string {
  return path.join(dataDir, 'files');
}

export function uploadTmpDir(dataDir: string): string {
  return path.join(dataDir, 'upload-tmp');
}

const STORAGE_KEY = /^[a-f0-9]{32}$/;

export function newStorageKey(): string {
  return randomBytes(16).toString('hex');
}

export function storedFilePath(dataDir: string, storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error('Invalid storage key');
  return path.join(materialsDir(dataDir), storageKey);
}

export interface ReceivedFile {
  /** The temporary file; gone again when tooLarge. */
  tempPath: string;
  size: number;
  /** More bytes came than the limit allows; nothing is kept. */
  tooLarge: boolean;
}

/**
 * Streams an upload into a new temporary file. `stream.truncated` is how
 * busboy (under @fastify/multipart) says it cut the file at its size limit.
 */
export async function receiveToTemp(dataDir: string, stream: Readable & { truncated?: boolean }): Promise<ReceivedFile> {
  const dir = uploadTmpDir(dataDir);
  await fs.mkdir(dir, { recursive: true });
  const tempPath = path.join(dir, newStorageKey());
  try {
    await pipeline(stream, createWriteStream(tempPath, { flags: 'wx' }));
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    throw error;
  }
  if (stream.truncated) {
    await fs.rm(tempPath, { force: true });
    return { tempPath, size: 0, tooLarge: true };
  }
  const { size } = await fs.stat(tempPath);
  return { tempPath, size, tooLarge: false };
}

/** Writes bytes held in memory to a new temporary file (the demo and tests). */
export async function bytesToTemp(dataDir: string, bytes: Buffer): Promise<string> {
  const dir = uploadTmpDir(dataDir);
  await fs.mkdir(dir, { recursive: true });
  const tempPath = path.join(dir, newStorageKey());
  await fs.writeFile(tempPath, bytes, { flag: 'wx' });
  return tempPath;
}

/** Moves a checked temporary file into the store under a new key and returns the key. */
export async function moveIntoStore(dataDir: string, tempPath: string): Promise<string> {
  await fs.mkdir(materialsDir(dataDir), { recursive: true });
  const storageKey = newStorageKey();
  await fs.rename(tempPath, storedFilePath(dataDir, storageKey));
  return storageKey;
}

/** Removes a stored file; a file already gone is fine. */
export async function removeStoredFile(dataDir: string, storageKey: string): Promise<void> {
  await fs.rm(storedFilePath(dataDir, storageKey), { force: true });
}

export async function removeTemp(tempPath: string): Promise<void> {
  await fs.rm(tempPath, { force: true });
}

const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

/** Temporary files of uploads a crash interrupted; removed when a day old. */
export async function sweepStaleTemps(dataDir: string, now: Date): Promise<number> {
  const dir = uploadTmpDir(dataDir);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!STORAGE_KEY.test(name)) continue;
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat && now.getTime() - stat.mtimeMs > STALE_TEMP_MS) {
      await fs.rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** Opens a material's bytes; null when the file is not on disk. */
export async function openStoredFile(dataDir: string, storageKey: string): Promise<{ stream: Readable; size: number } | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(storedFilePath(dataDir, storageKey), 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') return null;
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return null;
    }
    return { stream: handle.createReadStream(), size: stat.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
