/**
 * pgbench on the bench database: what PostgreSQL on this machine does with the
 * least a sign-up must do in the database, as the yardstick for Tilmeld's own
 * sign-ups per second on PostgreSQL.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface PgbenchResult {
  name: string;
  /** What the transaction does, for the report. */
  statements: string;
  tps: number;
  /** Sign-ups each transaction makes (1 unless batched). */
  perCommit: number;
  latencyMs: number;
  failed: number;
  error?: string;
}

/** pgbench on PATH or under /usr/lib/postgresql/<version>/bin; undefined when absent. */
export function findPgbench(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'pgbench');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs.readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const candidate = path.join(base, v, 'bin', 'pgbench');
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

export interface SignupTransactionShape {
  eventId: number;
  /** A real outbox message of the run, so that the row (and its TOAST compression) is the size Tilmeld writes. */
  mail: { recipient: string; subject: string; payload: string };
}

/**
 * One sign-up at minimum, on one events row: BEGIN; the conditional UPDATE
 * that takes a seat; INSERT the registration; INSERT its participant; INSERT
 * the confirmation mail into the outbox; COMMIT. Variables have long names
 * because pgbench substitutes :name even inside string literals.
 */
export function signupScript(shape: SignupTransactionShape): string {
  const now = literal(new Date().toISOString());
  return [
    '\\set tilmeld_n random(1, 2000000000)',
    'BEGIN;',
    `UPDATE events SET seats_taken = seats_taken + 1, arrival_seq = arrival_seq + 1, updated_at = ${now} ` +
      `WHERE id = ${shape.eventId} AND seats_taken + 1 <= capacity RETURNING arrival_seq AS tilmeld_arrival \\gset`,
    'INSERT INTO registrations (event_id, arrival_no, status, locale, payer_organisation, payer_cvr, payer_ean, payer_person_reference, ' +
      'payer_address, payer_postal_code, payer_city, payer_email, booker_name, booker_email, consent_participant_list, terms_accepted_at, ' +
      'vat_percent, manage_token_hash, created_at, updated_at) VALUES ' +
      `(${shape.eventId}, :tilmeld_arrival, 'confirmed', 'da', 'Aarhus Kommune', '55133018', '5798000416604', 'HR 4711', ` +
      `'Rådhuspladsen 2', '8000', 'Aarhus C', 'faktura@aarhus.dk', 'Deltager ' || :tilmeld_n, 'deltager' || :tilmeld_n || '@kommune.dk', 1, ${now}, ` +
      `25, md5(random()::text) || md5(:tilmeld_n::text || random()::text), ${now}, ${now}) RETURNING id AS tilmeld_registration \\gset`,
    'INSERT INTO participants (registration_id, event_id, position, name, email, job_title, workplace, phone, diet, accessibility_needs, ' +
      'status, waitlist_position, price_ore, created_at, updated_at) VALUES ' +
      `(:tilmeld_registration, ${shape.eventId}, 0, 'Deltager ' || :tilmeld_n, 'deltager' || :tilmeld_n || '@kommune.dk', 'Konsulent', ` +
      `'Borgerservice', NULL, '', '', 'confirmed', NULL, 250000, ${now}, ${now});`,
    'INSERT INTO outbox_messages (kind, recipient, subject, payload, dedupe_key, status, attempts, created_at) VALUES ' +
      `('mail', ${literal(shape.mail.recipient)}, ${literal(shape.mail.subject)}, ${literal(shape.mail.payload)}, ` +
      `'registration:' || :tilmeld_registration || ':received:booker', 'pending', 0, ${now});`,
    'COMMIT;',
    '',
  ].join('\n');
}

/**
 * `size` sign-ups in one transaction, as a server that gathers the sign-ups
 * waiting for the same event into one commit would do: one conditional UPDATE
 * for all their seats, then their registrations, participants and mails as
 * multi-row INSERTs. The rate to compare is sign-ups per second (tps × size).
 */
export function batchedSignupScript(shape: SignupTransactionShape, size: number): string {
  const now = literal(new Date().toISOString());
  return [
    '\\set tilmeld_n random(1, 2000000000)',
    'BEGIN;',
    `UPDATE events SET seats_taken = seats_taken + ${size}, arrival_seq = arrival_seq + ${size}, updated_at = ${now} ` +
      `WHERE id = ${shape.eventId} AND seats_taken + ${size} <= capacity RETURNING arrival_seq AS tilmeld_arrival \\gset`,
    'WITH registration AS (INSERT INTO registrations (event_id, arrival_no, status, locale, payer_organisation, payer_cvr, payer_ean, ' +
      'payer_person_reference, payer_address, payer_postal_code, payer_city, payer_email, booker_name, booker_email, consent_participant_list, ' +
      'terms_accepted_at, vat_percent, manage_token_hash, created_at, updated_at) ' +
      `SELECT ${shape.eventId}, :tilmeld_arrival - ${size} + g, 'confirmed', 'da', 'Aarhus Kommune', '55133018', '5798000416604', 'HR 4711', ` +
      `'Rådhuspladsen 2', '8000', 'Aarhus C', 'faktura@aarhus.dk', 'Deltager ' || :tilmeld_n || '-' || g, ` +
      `'deltager' || :tilmeld_n || '-' || g || '@kommune.dk', 1, ${now}, 25, md5(random()::text) || md5(g::text || random()::text), ${now}, ${now} ` +
      `FROM generate_series(1, ${size}) AS g RETURNING id, booker_name, booker_email), ` +
      'participant AS (INSERT INTO participants (registration_id, event_id, position, name, email, job_title, workplace, phone, diet, ' +
      'accessibility_needs, status, waitlist_position, price_ore, created_at, updated_at) ' +
      `SELECT id, ${shape.eventId}, 0, booker_name, booker_email, 'Konsulent', 'Borgerservice', NULL, '', '', 'confirmed', NULL, 250000, ${now}, ${now} ` +
      'FROM registration) ' +
      'INSERT INTO outbox_messages (kind, recipient, subject, payload, dedupe_key, status, attempts, created_at) ' +
      `SELECT 'mail', ${literal(shape.mail.recipient)}, ${literal(shape.mail.subject)}, ${literal(shape.mail.payload)}, ` +
      `'registration:' || id || ':received:booker', 'pending', 0, ${now} FROM registration;`,
    'COMMIT;',
    '',
  ].join('\n');
}

/** The reservation alone: one transaction with the conditional UPDATE on one events row. */
export function reservationScript(eventId: number): string {
  return ['BEGIN;', `UPDATE events SET seats_taken = seats_taken + 1 WHERE id = ${eventId} AND seats_taken + 1 <= capacity;`, 'COMMIT;', ''].join('\n');
}

/** Runs pgbench -n -c clients -j threads -T seconds with the script against `databaseUrl`. */
export async function runPgbench(
  binary: string,
  databaseUrl: string,
  name: string,
  statements: string,
  script: string,
  options: { clients: number; threads: number; seconds: number; workDir: string; perCommit?: number },
): Promise<PgbenchResult> {
  const perCommit = options.perCommit ?? 1;
  const file = path.join(options.workDir, `${name.replace(/\W+/g, '-').toLowerCase()}.sql`);
  fs.writeFileSync(file, script);
  const url = new URL(databaseUrl);
  const args = [
    '-n',
    '-c',
    String(options.clients),
    '-j',
    String(options.threads),
    '-T',
    String(options.seconds),
    '-f',
    file,
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
    url.pathname.slice(1),
  ];
  const output = await new Promise<{ stdout: string; stderr: string; error?: Error }>((resolve) => {
    execFile(binary, args, { maxBuffer: 16 * 2 ** 20, env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } }, (error, stdout, stderr) =>
      resolve({ stdout, stderr, ...(error ? { error } : {}) }),
    );
  });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output.stdout)?.[1] ?? NaN);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(output.stdout)?.[1] ?? NaN);
  const failed = Number(/number of failed transactions: (\d+)/.exec(output.stdout)?.[1] ?? 0);
  if (output.error || !Number.isFinite(tps)) {
    const message = (output.stderr || output.error?.message || 'no tps in the output').trim().split('\n').slice(-3).join(' ');
    return { name, statements, tps: Number.isFinite(tps) ? tps : 0, perCommit, latencyMs, failed, error: message };
  }
  return { name, statements, tps: Math.round(tps), perCommit, latencyMs, failed };
}
