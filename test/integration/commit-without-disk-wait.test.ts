/**
 * commitWithoutDiskWait (db/dialect.ts): the statement it is part of runs as
 * usual and commits; on PostgreSQL only that statement's transaction skips
 * waiting for the disk, and the connection keeps its own setting.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { commitWithoutDiskWait } from '../../src/db/dialect.js';
import { enqueueMail } from '../../src/messages/outbox.service.js';
import { markSentMany } from '../../src/messages/outbox.queries.js';
import { createTestDatabase, forEachDialect, type TestDatabase } from '../helpers/databases.js';

forEachDialect('commit without waiting for the disk', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.drop());

  it('changes the rows a statement names, and the change is there for every connection', async () => {
    const { db } = database;
    const a = await enqueueMail(db, { to: 'a@kommune.dk', subject: 'A', text: 'a' });
    const b = await enqueueMail(db, { to: 'b@kommune.dk', subject: 'B', text: 'b' });
    await markSentMany(db, [a.id], 'worker-1', '2026-12-07T08:00:00.000Z');
    const rows = await db.selectFrom('outbox_messages').select(['id', 'status', 'sent_at']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: a.id, status: 'sent', sent_at: '2026-12-07T08:00:00.000Z' },
      { id: b.id, status: 'pending', sent_at: null },
    ]);
  });

  it.runIf(dialect === 'postgres')("sets synchronous_commit off for the statement's own transaction only", async () => {
    await database.db.connection().execute(async (conn) => {
      const during = await sql<{ setting: string }>`SELECT current_setting('synchronous_commit') AS setting WHERE ${commitWithoutDiskWait(conn)}`.execute(conn);
      expect(during.rows).toEqual([{ setting: 'off' }]);
      const after = await sql<{ setting: string }>`SELECT current_setting('synchronous_commit') AS setting`.execute(conn);
      expect(after.rows).toEqual([{ setting: 'on' }]);
    });
  });
});
