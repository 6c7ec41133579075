import type { Kysely } from 'kysely';

/**
 * The speakers of an event in their own list, so a speaker can belong to an
 * event without being on a programme item (a keynote not yet placed, a
 * panel member). Existing events get the speakers of their programme, in the
 * order they first appear there.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event_speakers')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('speaker_id', 'integer', (c) => c.notNull().references('speakers.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_speakers_pk', ['event_id', 'speaker_id'])
    .execute();
  const links = await db
    .selectFrom('session_speakers')
    .innerJoin('sessions', 'sessions.id', 'session_speakers.session_id')
    .select(['sessions.event_id', 'session_speakers.speaker_id', 'sessions.position', 'sessions.starts_at', 'sessions.id'])
    .orderBy('sessions.event_id')
    .orderBy('sessions.starts_at')
    .orderBy('sessions.position')
    .orderBy('sessions.id')
    .orderBy('session_speakers.speaker_id')
    .execute();
  const seen = new Set<string>();
  const positions = new Map<number, number>();
  const rows: Array<{ event_id: number; speaker_id: number; position: number }> = [];
  for (const l of links as Array<{ event_id: number; speaker_id: number }>) {
    const key = `${l.event_id}:${l.speaker_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const position = positions.get(l.event_id) ?? 0;
    positions.set(l.event_id, position + 1);
    rows.push({ event_id: l.event_id, speaker_id: l.speaker_id, position });
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('event_speakers')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
