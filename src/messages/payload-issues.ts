/**
 * How an outbox payload that breaks its schema is described in last_error
 * and the log: the paths and kinds of the faults, never a value (a payload
 * may carry a link that signs someone in, or personal data).
 */
import type { z } from 'zod';

/** The first few faults as `path: code`, e.g. "data.registration.id: invalid_type". */
export function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((i) => `${i.path.map((p) => safeText(String(p))).join('.') || '(root)'}: ${i.code}`);
  const more = error.issues.length > shown.length ? ` (+${error.issues.length - shown.length} more)` : '';
  return shown.join('; ') + more;
}

/** Names from a payload (builder, record keys) as a log line may carry them: short, printable, no quotes. */
export function safeText(text: string): string {
  return text.replace(/[^\w.:-]/g, '?').slice(0, 60);
}
