/**
 * Staff API for the member list (administrators, like the settings it lives
 * under): list, add, change, remove, and import a CSV file as Danish Excel
 * saves it (Content-Type text/csv; every row valid or nothing saved). The
 * rules are the back office's (members.schema.ts, members.csv.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { staffOf } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import { IMPORT_LIMITS } from './members.csv.js';
import { memberErrorMessage, importErrorMessage } from './members.messages.js';
import { importMembers, listMemberEntries, removeMember, saveMember } from './members.service.js';
import type { MemberIssue } from './members.schema.js';

const security = [{ bearerAuth: [] }];
const plainErrorSchema = z.object({ error: z.string(), message: z.string() });
const day = z.string().nullable().describe('Calendar day, YYYY-MM-DD (DD-MM-YYYY is read too); null: no limit');

const memberSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    cvr: z.string().nullable().describe('8 digits'),
    ean: z.string().nullable().describe('13 digits (GLN)'),
    validFrom: z.string().nullable().describe('First day the member price applies (YYYY-MM-DD); null: always'),
    validTo: z.string().nullable().describe('Last day the member price applies (YYYY-MM-DD); null: until further notice'),
  })
  .meta({ id: 'MemberOrganisation' });

const memberInputSchema = z
  .object({
    name: z.string().describe('The organisation, at most 200 characters'),
    cvr: z.string().nullish().describe('CVR number (modulus 11); a CVR or an EAN or both is required'),
    ean: z.string().nullish().describe('EAN/GLN (GS1 check digit)'),
    validFrom: day.optional(),
    validTo: day.optional(),
  })
  .meta({ id: 'MemberOrganisationChange' });

const invalidSchema = z
  .object({
    error: z.literal('invalid_member'),
    message: z.string(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
  })
  .meta({ id: 'MemberInvalid' });

const importInvalidSchema = z
  .object({
    error: z.literal('invalid_import'),
    message: z.string(),
    errors: z.array(
      z.object({
        line: z.number().int().nullable().describe('Line in the file; null for the file as a whole'),
        field: z.string().nullable(),
        code: z.string(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'MemberImportInvalid' });

const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

export function membersApi(ctx: AppContext): FastifyPluginAsync {
  const read = access.settings.read;
  const write = access.settings.write;
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    // A CSV file as sent, decoded by the importer (UTF-8 or Windows-1252).
    app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.bytes }, (_request, body, done) =>
      done(null, body),
    );

    const invalid = (locale: 'da' | 'en', issues: MemberIssue[]) => ({
      error: 'invalid_member' as const,
      message: locale === 'da' ? 'Medlemmet er ikke gemt. Ret fejlene.' : 'The member was not saved. Correct the errors.',
      errors: issues.map((i) => ({ path: i.field, code: i.code, message: memberErrorMessage(locale, i.field, i.code) })),
    });
    const notFound = { error: 'not_found', message: 'No such member' };

    app.get(
      '/api/v1/members',
      {
        config: { staffRoles: read },
        schema: {
          tags: ['members'],
          summary: 'The member list (staff: administrator)',
          description: "Organisations whose sign-ups pay an event's member price: the payer's CVR or EAN must be on the list and valid on the day of sign-up.",
          security,
          response: { 200: z.object({ items: z.array(memberSchema) }), 401: plainErrorSchema, 403: plainErrorSchema },
        },
      },
      async () => ({ items: await listMemberEntries(ctx) }),
    );

    app.post(
      '/api/v1/members',
      {
        config: { staffRoles: write },
        schema: {
          tags: ['members'],
          summary: 'Add a member (staff: administrator)',
          security,
          body: memberInputSchema,
          response: { 201: memberSchema, 400: plainErrorSchema, 401: plainErrorSchema, 403: plainErrorSchema, 422: invalidSchema },
        },
        // Checked in the handler to answer 422 with a message per field.
        validatorCompiler: () => (data) => ({ value: data }),
      },
      async (request, reply) => {
        const staff = staffOf(request);
        const result = await saveMember(ctx, staff, undefined, bodyFields(request.body));
        if (!result.ok) return reply.code(422).send('issues' in result ? invalid(staff.locale, result.issues) : invalid(staff.locale, []));
        return reply.code(201).send(result.member);
      },
    );

    app.put(
      '/api/v1/members/:id',
      {
        config: { staffRoles: write },
        schema: {
          tags: ['members'],
          summary: 'Change a member (staff: administrator)',
          security,
          params: idParams,
          body: memberInputSchema,
          response: { 200: memberSchema, 400: plainErrorSchema, 401: plainErrorSchema, 403: plainErrorSchema, 404: plainErrorSchema, 422: invalidSchema },
        },
        validatorCompiler: () => (data) => ({ value: data }),
      },
      async (request, reply) => {
        const staff = staffOf(request);
        const id = idParams.safeParse(request.params);
        if (!id.success) return reply.code(400).send({ error: 'bad_request', message: 'The id must be a positive integer' });
        const result = await saveMember(ctx, staff, id.data.id, bodyFields(request.body));
        if (!result.ok && 'notFound' in result) return reply.code(404).send(notFound);
        if (!result.ok) return reply.code(422).send(invalid(staff.locale, result.issues));
        return result.member;
      },
    );

    app.delete(
      '/api/v1/members/:id',
      {
        config: { staffRoles: write },
        schema: {
          tags: ['members'],
          summary: 'Remove a member (staff: administrator)',
          security,
          params: idParams,
          response: { 204: z.null().describe('Removed'), 400: plainErrorSchema, 401: plainErrorSchema, 403: plainErrorSchema, 404: plainErrorSchema },
        },
      },
      async (request, reply) => {
        if (!(await removeMember(ctx, staffOf(request), request.params.id))) return reply.code(404).send(notFound);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/v1/members/import',
      {
        config: { staffRoles: write },
        schema: {
          tags: ['members'],
          summary: 'Import members from a CSV file (staff: administrator)',
          description:
            'Send the file as Danish Excel saves it (Content-Type: text/csv): semicolon separated, UTF-8 with BOM or Windows-1252, ' +
            'a header row naming the columns (Navn/Name, CVR, EAN, Gyldig fra/Valid from, Gyldig til/Valid to). A row replaces the entry with the same CVR ' +
            `(without a CVR: the same EAN); other rows are added. At most ${IMPORT_LIMITS.rows} rows and ${IMPORT_LIMITS.bytes / 1_000_000} MB. ` +
            'Every row is checked first: with any error nothing is saved and every error is listed with its line.',
          security,
          consumes: ['text/csv'],
          response: {
            200: z.object({ added: z.number().int(), updated: z.number().int() }),
            400: plainErrorSchema,
            401: plainErrorSchema,
            403: plainErrorSchema,
            413: plainErrorSchema,
            415: plainErrorSchema,
            422: importInvalidSchema,
          },
        },
      },
      async (request, reply) => {
        const staff = staffOf(request);
        if (!Buffer.isBuffer(request.body)) return reply.code(415).send({ error: 'unsupported_media_type', message: 'Send the file as text/csv' });
        const outcome = await importMembers(ctx, staff, request.body);
        if (outcome.ok) return { added: outcome.added, updated: outcome.updated };
        const errors =
          'fileError' in outcome
            ? [
                {
                  line: null,
                  field: null,
                  code: outcome.fileError,
                  message: importErrorMessage(staff.locale, { line: null, field: null, code: outcome.fileError }),
                },
              ]
            : outcome.rowErrors.map((e) => ({ line: e.line, field: e.field, code: e.code, message: importErrorMessage(staff.locale, e) }));
        return reply.code(422).send({
          error: 'invalid_import',
          message:
            staff.locale === 'da'
              ? 'Intet er importeret. Ret fejlene i filen, og prøv igen.'
              : 'Nothing was imported. Correct the errors in the file and try again.',
          errors,
        });
      },
    );
  };
}

/** The entry's fields from a JSON body of any shape (the rules report what is missing). */
function bodyFields(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
