import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { backup, restore } from '../../src/db/backup.js';
import { createDb } from '../../src/db/database.js';
import { createTestEvent } from '../helpers/events.js';
import { storeMaterial } from '../../src/materials/materials.service.js';
import { forEachDialect } from '../helpers/databases.js';
import { createTestContext } from '../helpers/app.js';

forEachDialect('backup and restore', (dialect) => {
  it('copies the database and the uploaded files while running, and puts them back', async () => {
    const { ctx, database } = await createTestContext(dialect);
    try {
      const eventId = await createTestEvent(ctx, {
        slug: 'backup-demo',
        type: 'kursus',
        status: 'published',
        title: 'Kursus før backup',
        capacity: 10,
        priceOre: 100000,
        vatMode: 'standard',
        sessions: [{ startsAt: '2026-09-01T07:00:00.000Z', endsAt: '2026-09-01T14:00:00.000Z', title: 'Dag 1' }],
      });
      await storeMaterial(ctx, {
        title: 'Program',
        filename: 'program.pdf',
        contentType: 'application/pdf',
        bytes: Buffer.from('%PDF-1.4 test'),
        visibility: 'public',
        eventId,
      });

      const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-backup-')), 'b1');
      const options = { dataDir: database.dataDir, databaseUrl: database.databaseUrl, target };
      const written = await backup(options);
      expect(written.length).toBe(2);

      // Lose data after the backup, then restore and see it again.
      await ctx.db.deleteFrom('materials').execute();
      await ctx.db.deleteFrom('events').execute();
      fs.rmSync(path.join(database.dataDir, 'files'), { recursive: true });
      if (dialect === 'sqlite') await ctx.db.destroy();
      restore({ ...options, source: target });

      // SQLite: the restored file replaced the one we had open, so open it again.
      const db = dialect === 'sqlite' ? createDb({ dataDir: database.dataDir }) : ctx.db;
      const events = await db.selectFrom('events').select('title').execute();
      expect(events.map((e) => e.title)).toEqual(['Kursus før backup']);
      const material = await db.selectFrom('materials').select('storage_key').executeTakeFirstOrThrow();
      expect(fs.readFileSync(path.join(database.dataDir, 'files', material.storage_key), 'utf8')).toBe('%PDF-1.4 test');
      if (dialect === 'sqlite') await db.destroy();
    } finally {
      if (dialect !== 'sqlite') await database.drop();
      else fs.rmSync(database.dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to write into an existing folder', async () => {
    const { database } = await createTestContext(dialect);
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-backup-'));
    await expect(backup({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, target })).rejects.toThrow();
    await database.drop();
  });
});
