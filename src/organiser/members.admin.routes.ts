/**
 * /admin/settings/members (administrators): the member list. GET shows the
 * list with the add form and the CSV import; adding, removing and importing
 * are POSTs that send the browser back (303) with a notice, or show the page
 * again with the errors beside the field and in the summary (400/422).
 *
 * The import is a multipart form handled in this plugin only: the file is
 * read into memory (at most IMPORT_LIMITS.bytes; a longer file is cut and
 * refused as too large) and the CSRF field lands on request.body, so the
 * guard checks it as for any form. Strangers are turned away before a byte
 * of the body is read.
 */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { adminPageContext } from '../admin/page.js';
import { formField } from '../admin/form.js';
import { fieldId, type FormError } from '../web/forms/errors.js';
import { identify, staffOf, staffOnly } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import { sendHtml } from '../web/page.js';
import { IMPORT_LIMITS } from './members.csv.js';
import { importErrorMessage, memberErrorMessage, membersText } from './members.messages.js';
import { MEMBER_FIELDS } from './members.schema.js';
import { importMembers, listMemberEntries, removeMember, saveMember } from './members.service.js';
import { MEMBERS_IMPORT_PATH, MEMBERS_PATH, MembersPage, type MemberFormValues } from './views/MembersPage.js';

const EMPTY = Object.fromEntries(MEMBER_FIELDS.map((f) => [f, ''])) as MemberFormValues;
const DONE = ['added', 'deleted', 'imported'] as const;

interface ReceivedFile {
  bytes: Buffer;
  truncated: boolean;
}

function fileOf(body: unknown): ReceivedFile | undefined {
  const file = body && typeof body === 'object' ? (body as Record<string, unknown>).file : undefined;
  return file && typeof file === 'object' && Buffer.isBuffer((file as ReceivedFile).bytes) ? (file as ReceivedFile) : undefined;
}

export function membersAdminRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const read = access.settings.read;
    const write = access.settings.write;
    const guard = staffOnly(ctx, write);
    const writeRoute = { schema: { hide: true }, config: { staffRoles: write }, preHandler: guard };

    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'POST') return;
      const staff = await identify(ctx, request);
      if (staff && (write as readonly string[]).includes(staff.role)) return;
      return guard.call(app, request, reply);
    });

    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: IMPORT_LIMITS.bytes, files: 1, fields: 5, fieldSize: 10_000, parts: 10, headerPairs: 100 },
      async onFile(part: MultipartFile) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        if (part.fieldname !== 'file' || part.filename === '') return;
        (part as unknown as { value: ReceivedFile }).value = { bytes: Buffer.concat(chunks), truncated: part.file.truncated };
      },
    });

    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      o: { values?: MemberFormValues; addErrors?: FormError[]; importErrors?: FormError[]; notice?: string | null },
      status = 200,
    ) => {
      const page = await adminPageContext(ctx, request, reply);
      const html = MembersPage({
        page,
        members: await listMemberEntries(ctx),
        values: o.values ?? EMPTY,
        addErrors: o.addErrors ?? [],
        importErrors: o.importErrors ?? [],
        notice: o.notice ?? null,
      });
      return sendHtml(reply, html, status);
    };

    app.get(MEMBERS_PATH, { schema: { hide: true }, config: { staffRoles: read }, preHandler: staffOnly(ctx, read) }, async (request, reply) => {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const done = DONE.find((d) => d === query['done']);
      const count = (name: string) => (typeof query[name] === 'string' && /^\d{1,6}$/.test(query[name]) ? Number(query[name]) : 0);
      const locale = staffOf(request).locale;
      const notice =
        done === 'imported'
          ? membersText(locale, 'members.import.done', { added: count('added'), updated: count('updated') })
          : done === 'added'
            ? membersText(locale, 'members.added')
            : done === 'deleted'
              ? membersText(locale, 'members.deleted')
              : null;
      return render(request, reply, { notice });
    });

    app.post(MEMBERS_PATH, writeRoute, async (request, reply) => {
      const staff = staffOf(request);
      const values = Object.fromEntries(MEMBER_FIELDS.map((f) => [f, formField(request.body, f) ?? ''])) as MemberFormValues;
      const result = await saveMember(ctx, staff, undefined, values);
      if (result.ok) return reply.code(303).header('location', `${MEMBERS_PATH}?done=added`).send();
      const issues = 'issues' in result ? result.issues : [];
      const addErrors = issues.map((i) => ({ key: i.field, id: fieldId(i.field), message: memberErrorMessage(staff.locale, i.field, i.code) }));
      return render(request, reply, { values, addErrors }, 400);
    });

    app.post(`${MEMBERS_PATH}/:id/delete`, writeRoute, async (request, reply) => {
      const id = (request.params as { id?: string }).id ?? '';
      if (/^[1-9]\d{0,9}$/.test(id) && Number(id) <= 2_147_483_647) await removeMember(ctx, staffOf(request), Number(id));
      return reply.code(303).header('location', `${MEMBERS_PATH}?done=deleted`).send();
    });

    app.post(MEMBERS_IMPORT_PATH, writeRoute, async (request, reply) => {
      const staff = staffOf(request);
      const file = fileOf(request.body);
      const fileError = (message: string) => render(request, reply, { importErrors: [{ key: 'file', id: 'file', message }] }, 422);
      if (!file || file.bytes.length === 0) return fileError(membersText(staff.locale, 'members.file.missing'));
      if (file.truncated) return fileError(membersText(staff.locale, 'members.file.too_large'));
      const outcome = await importMembers(ctx, staff, file.bytes);
      if (outcome.ok) return reply.code(303).header('location', `${MEMBERS_PATH}?done=imported&added=${outcome.added}&updated=${outcome.updated}`).send();
      if ('fileError' in outcome) return fileError(importErrorMessage(staff.locale, { line: null, field: null, code: outcome.fileError }));
      const importErrors = outcome.rowErrors.map((e) => ({ key: 'file', id: 'file', message: importErrorMessage(staff.locale, e) }));
      return render(request, reply, { importErrors }, 422);
    });
  };
}
