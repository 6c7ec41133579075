/**
 * The member list: who pays the member price. Staff add, change and remove
 * entries one at a time or import a CSV file; each change is saved with its
 * audit entry in one transaction, and an import is saved whole or not at all.
 * The sign-up asks `isPayerMember` (members.ts holds the rule).
 */
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { writeTransaction } from '../db/dialect.js';
import { localDateKey } from '../lib/dates.js';
import { recordAudit } from '../staff/audit.js';
import type { StaffIdentity } from '../staff/identity.js';
import { isMemberOn, type PayerIdentifiers } from './members.js';
import { identityOf, parseMemberCsv, type CsvImport } from './members.csv.js';
import * as q from './members.queries.js';
import { parseMember, type MemberField, type MemberInput, type MemberIssue } from './members.schema.js';

type Actor = Pick<StaffIdentity, 'id' | 'email'> & { requestId?: string | undefined };

export interface MemberJson {
  id: number;
  name: string;
  cvr: string | null;
  ean: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export function memberJson(row: q.MemberRow): MemberJson {
  return { id: row.id, name: row.name, cvr: row.cvr, ean: row.ean, validFrom: row.valid_from, validTo: row.valid_to };
}

/** Whether the payer is on the member list on the Danish day of `at`. */
export async function isPayerMember(db: Database, payer: PayerIdentifiers, at: Date): Promise<boolean> {
  const ids = { cvr: payer.cvr || null, ean: payer.ean || null };
  const entries = await q.entriesFor(db, ids);
  return isMemberOn(entries, ids, localDateKey(at.toISOString()));
}

export async function listMemberEntries(ctx: AppContext): Promise<MemberJson[]> {
  return (await q.listMembers(ctx.db)).map(memberJson);
}

export type MemberSave = { ok: true; member: MemberJson } | { ok: false; issues: MemberIssue[] } | { ok: false; notFound: true };

/** Adds an entry (id undefined) or changes one. */
export async function saveMember(ctx: AppContext, actor: Actor, id: number | undefined, raw: Partial<Record<MemberField, unknown>>): Promise<MemberSave> {
  const parsed = parseMember(raw);
  if (!parsed.ok) return parsed;
  const now = ctx.clock.now();
  return writeTransaction(ctx.db, async (trx) => {
    const before = id === undefined ? undefined : await q.memberById(trx, id);
    if (id !== undefined && !before) return { ok: false as const, notFound: true as const };
    const savedId = id === undefined ? await q.insertMember(trx, parsed.member, now.toISOString()) : id;
    if (id !== undefined) await q.updateMember(trx, id, parsed.member, now.toISOString());
    await recordAudit(trx, {
      actor,
      action: id === undefined ? 'member.create' : 'member.update',
      entityType: 'member_organisation',
      entityId: savedId,
      before: before && memberJson(before),
      after: parsed.member,
      at: now,
    });
    return { ok: true as const, member: { id: savedId, ...parsed.member } };
  });
}

export async function removeMember(ctx: AppContext, actor: Actor, id: number): Promise<boolean> {
  const now = ctx.clock.now();
  return writeTransaction(ctx.db, async (trx) => {
    const before = await q.memberById(trx, id);
    if (!before) return false;
    await q.deleteMember(trx, id);
    await recordAudit(trx, { actor, action: 'member.delete', entityType: 'member_organisation', entityId: id, before: memberJson(before), at: now });
    return true;
  });
}

export type ImportOutcome = Exclude<CsvImport, { ok: true }> | { ok: true; added: number; updated: number };

/**
 * Imports a CSV file: every row valid, or nothing saved. A row replaces the
 * entry with the same CVR (without a CVR: the same EAN); other rows are added.
 */
export async function importMembers(ctx: AppContext, actor: Actor, bytes: Uint8Array): Promise<ImportOutcome> {
  const parsed = parseMemberCsv(bytes);
  if (!parsed.ok) return parsed;
  const now = ctx.clock.now();
  return writeTransaction(ctx.db, async (trx) => {
    const existing = new Map((await q.listMembers(trx)).map((r) => [identityOf({ cvr: r.cvr, ean: r.ean }), r.id]));
    let added = 0;
    let updated = 0;
    for (const m of parsed.members) {
      const id = existing.get(identityOf(m));
      if (id === undefined) {
        await q.insertMember(trx, m, now.toISOString());
        added++;
      } else {
        await q.updateMember(trx, id, m, now.toISOString());
        updated++;
      }
    }
    await recordAudit(trx, {
      actor,
      action: 'member.import',
      entityType: 'member_organisation',
      after: { added, updated, rows: parsed.members.length },
      at: now,
    });
    return { ok: true as const, added, updated };
  });
}

export type { MemberInput };
