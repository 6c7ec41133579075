/**
 * `npm run bench -- checkin`: a door with four phones. 500 participants of an
 * event starting within the hour are checked in through POST /api/v1/checkin
 * by four concurrent clients. Half the scans are made online (each phone
 * sends as it scans); the other half are made "offline": each phone queues
 * them with the time of the scan and a nonce, and a neighbouring phone also
 * scans every one of those people offline, a little later (duplicates). When
 * the phones come online they upload their queues at once, and re-send a
 * tenth of them with the same nonce (answers lost on the way). Afterwards
 * the database must hold exactly one check-in per participant (0 lost, 0
 * double-counted), each offline one at its earliest scan's time.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/bootstrap.js';
import { codeOf } from '../src/checkin/index.js';
import { createEventFromDocument } from '../src/events/event-editor.service.js';
import { SYSTEM_EDITOR } from '../src/events/events.audit.js';
import { createRegistration } from '../src/registrations/index.js';
import { createApiToken } from '../src/staff/staff.service.js';
import { freePort, startServer } from './servers.js';

export const CHECKIN_PARTICIPANTS = 500;
const PHONES = 4;

export interface CheckinTarget {
  label: string;
  dataDir: string;
  databaseUrl: string | undefined;
}

export interface CheckinRun {
  database: string;
  participants: number;
  onlineScans: number;
  onlinePerSecond: number;
  offlineUploads: number;
  syncMs: number;
  syncPerSecond: number;
  answers: Record<string, number>;
  stored: number;
  lost: number;
  doubleCounted: number;
  wrongTime: number;
}

interface Scan {
  participantId: number;
  code: string;
  nonce: string;
  scannedAt: string;
}

async function prepare(t: CheckinTarget): Promise<{ token: string; people: Array<{ id: number; code: string }> }> {
  const ctx = await openContext({ ...loadConfig({}), dataDir: t.dataDir, databaseUrl: t.databaseUrl });
  try {
    const now = Date.now();
    const slug = `doer-${randomBytes(4).toString('hex')}`;
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    await createEventFromDocument(ctx, SYSTEM_EDITOR, {
      slug,
      type: 'konference',
      status: 'published',
      title: 'Konference med fire telefoner ved døren',
      summary: 'Indtjekning.',
      body: 'Indtjekning.',
      audience: 'Alle.',
      included: 'Kaffe.',
      capacity: CHECKIN_PARTICIPANTS,
      priceOre: 0,
      vatMode: 'standard',
      sessions: [{ startsAt: at(60), endsAt: at(480), title: 'Konference' }],
    });
    for (let r = 0; r < CHECKIN_PARTICIPANTS / 20; r += 1) {
      await createRegistration(ctx, slug, {
        payer: { organisation: `Kommune ${r}`, cvr: '55133018', address: 'Rådhuspladsen 2', postalCode: '8000', city: 'Aarhus C', email: 'faktura@aarhus.dk' },
        participants: Array.from({ length: 20 }, (_, i) => ({
          name: `Deltager ${r * 20 + i + 1}`,
          email: `d${r * 20 + i + 1}@kommune.dk`,
          jobTitle: 'Konsulent',
          workplace: 'Borgerservice',
        })),
        consentToParticipantList: true,
        acceptTerms: true,
      });
    }
    const stamp = new Date(now).toISOString();
    const staff = await ctx.db
      .insertInto('staff_users')
      .values({
        email: `door-${slug}@tilmeld.test`,
        name: 'Døren',
        role: 'manager',
        locale: 'da',
        password_hash: 'not-used',
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { token } = await createApiToken(ctx, staff.id, 'bench', null);
    const rows = await ctx.db.selectFrom('participants').select('id').where('status', '=', 'confirmed').orderBy('id').execute();
    const people = [];
    for (const r of rows) people.push({ id: r.id, code: await codeOf(ctx, r.id) });
    if (t.databaseUrl) await sql`ANALYZE`.execute(ctx.db);
    return { token, people };
  } finally {
    await ctx.db.destroy();
  }
}

export async function checkinBench(t: CheckinTarget): Promise<CheckinRun> {
  console.log(`Check-in on ${t.label}: ${CHECKIN_PARTICIPANTS} participants, ${PHONES} phones …`);
  const { token, people } = await prepare(t);
  const server = await startServer(
    'dist/server.js',
    await freePort(),
    { DATA_DIR: t.dataDir, DATABASE_URL: t.databaseUrl ?? '', OUTBOX_WORKER: 'off' },
    '/readyz',
  );
  const answers: Record<string, number> = {};
  const send = async (scan: Scan) => {
    const res = await fetch(`${server.url}/api/v1/checkin`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code: scan.code, nonce: scan.nonce, scannedAt: scan.scannedAt }),
    });
    await res.arrayBuffer();
    answers[res.status] = (answers[res.status] ?? 0) + 1;
  };
  try {
    const phones = Array.from({ length: PHONES }, (_, p) => people.filter((_, i) => i % PHONES === p));
    const half = (list: typeof people) => Math.ceil(list.length / 2);
    const scanOf = (person: { id: number; code: string }, at: number): Scan => ({
      participantId: person.id,
      code: person.code,
      nonce: randomBytes(12).toString('base64url'),
      scannedAt: new Date(at).toISOString(),
    });
    // Offline first (so their times lie before the sync): each phone queues the second half of its people,
    // and the next phone scans the same people a minute later.
    const base = Date.now() - 20 * 60_000;
    const queues: Scan[][] = phones.map(() => []);
    const earliest = new Map<number, string>();
    phones.forEach((list, p) => {
      list.slice(half(list)).forEach((person, i) => {
        const own = scanOf(person, base + i * 1000);
        queues[p]!.push(own);
        earliest.set(person.id, own.scannedAt);
        queues[(p + 1) % PHONES]!.push(scanOf(person, base + 60_000 + i * 1000));
      });
    });
    // Online: each phone sends as it scans, the four at once.
    const onlineStart = performance.now();
    await Promise.all(
      phones.map(async (list) => {
        for (const person of list.slice(0, half(list))) await send(scanOf(person, Date.now()));
      }),
    );
    const onlineMs = performance.now() - onlineStart;
    const onlineScans = phones.reduce((s, l) => s + half(l), 0);
    // Back online: every queue is uploaded at once, a tenth of it twice (same nonce).
    const uploads = queues.map((q) => [...q, ...q.filter((_, i) => i % 10 === 0)]);
    const syncStart = performance.now();
    await Promise.all(
      uploads.map(async (q) => {
        for (const scan of q) await send(scan);
      }),
    );
    const syncMs = performance.now() - syncStart;
    const offlineUploads = uploads.reduce((s, q) => s + q.length, 0);

    const check = await openContext({ ...loadConfig({}), dataDir: t.dataDir, databaseUrl: t.databaseUrl });
    try {
      const rows = await check.db.selectFrom('checkins').select(['participant_id', 'at']).execute();
      const perPerson = new Map<number, string[]>();
      for (const r of rows) perPerson.set(r.participant_id, [...(perPerson.get(r.participant_id) ?? []), r.at]);
      const lost = people.filter((p) => !perPerson.has(p.id)).length;
      const doubleCounted = [...perPerson.values()].filter((ats) => ats.length > 1).length;
      const wrongTime = [...earliest].filter(([id, at]) => perPerson.get(id)?.[0] !== at).length;
      return {
        database: t.label,
        participants: people.length,
        onlineScans,
        onlinePerSecond: onlineScans / (onlineMs / 1000),
        offlineUploads,
        syncMs,
        syncPerSecond: offlineUploads / (syncMs / 1000),
        answers,
        stored: rows.length,
        lost,
        doubleCounted,
        wrongTime,
      };
    } finally {
      await check.db.destroy();
    }
  } finally {
    await server.stop();
  }
}

export function checkinTable(runs: readonly CheckinRun[]): string {
  const f = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(n);
  return [
    `A door with ${PHONES} phones: ${CHECKIN_PARTICIPANTS} participants checked in through \`POST /api/v1/checkin\` by ${PHONES} concurrent clients; half online, half queued offline (each also scanned offline by a second phone a minute later) and uploaded at once when back online, a tenth of the uploads sent twice with the same nonce. \`npm run bench -- checkin\`.`,
    '',
    '| database | online scans | online scans/s | offline uploads | sync time | uploads/s | answers | check-ins stored | lost | double-counted | not at the earliest scan |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
    ...runs.map(
      (r) =>
        `| ${r.database} | ${r.onlineScans} | ${f(r.onlinePerSecond)} | ${r.offlineUploads} | ${f(r.syncMs)} ms | ${f(r.syncPerSecond)} | ${Object.entries(
          r.answers,
        )
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')} | ${r.stored} | ${r.lost} | ${r.doubleCounted} | ${r.wrongTime} |`,
    ),
  ].join('\n');
}

export const checkinDataDir = (work: string, label: string) => path.join(work, `checkin-${label.toLowerCase()}`);
