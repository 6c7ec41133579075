/**
 * CommonJS packages loaded on first use instead of at start-up. PDF, XLSX,
 * UBL and QR code libraries make up most of what a server would otherwise
 * load and keep in memory before its first request, yet most processes never
 * write a PDF or a spreadsheet; `require` keeps the callers synchronous.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
