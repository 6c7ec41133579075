/**
 * The payload of a plain 'mail' outbox row (MailPayload), checked when it is
 * read, as mail-build payloads are (mail-builds.ts). Rows wait in the outbox
 * across deploys, so each shape a process has written stays readable: `v` is
 * the version of the shape, and a row written before payloads had versions
 * carries none and is read as version 1.
 */
import { z } from 'zod';
import type { MailPayload } from './outbox.table.js';
import { describeIssues } from './payload-issues.js';

/** The version outboxRowOf writes now. */
export const MAIL_PAYLOAD_VERSION = 1;

const attachment = z.object({ filename: z.string(), contentType: z.string(), contentBase64: z.string() });

const v1 = z.object({
  v: z.literal(1).optional(),
  text: z.string(),
  html: z.string().optional(),
  attachments: z.array(attachment).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  replyTo: z.string().optional(),
  from: z.string().optional(),
  fromName: z.string().optional(),
  locale: z.enum(['da', 'en']).optional(),
});

/** Every version this process reads, each into today's MailPayload. */
const versions: Record<number, z.ZodType<MailPayload>> = {
  1: v1.transform(({ v: _v, ...payload }) => payload),
};

const head = z.object({ v: z.number().int().positive().optional() });

/** A mail row that cannot be sent as stored: `permanent` when no attempt can help (the payload itself is wrong). */
export class MailPayloadError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailPayloadError';
  }
}

/**
 * Reads a 'mail' row's payload against the schema of its version. Throws
 * MailPayloadError: permanent for a payload that is not JSON or does not
 * match its version; passing for a version this process does not know (a
 * newer process sharing the queue may). The message names the fields at
 * fault, never their values.
 */
export function readMailPayload(payload: string): MailPayload {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    throw new MailPayloadError('mail payload is not JSON', true);
  }
  const version = head.safeParse(json);
  if (!version.success) throw new MailPayloadError(`mail payload invalid: ${describeIssues(version.error)}`, true);
  const v = version.data.v ?? 1;
  const schema = Object.hasOwn(versions, v) ? versions[v] : undefined;
  if (!schema) throw new MailPayloadError(`mail payload version ${v} is not known to this process`, false);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new MailPayloadError(`mail payload v${v} invalid: ${describeIssues(parsed.error)}`, true);
  return parsed.data;
}
