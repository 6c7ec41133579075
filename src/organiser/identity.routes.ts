/**
 * The organiser's identity on the web: every page's request carries it
 * (request.siteIdentity, for the header, title and footer), the logo is
 * served from its own route, administrators edit it at
 * /admin/settings/identity (a multipart form: the logo and the fields in one
 * save) and through PATCH /api/v1/organiser; GET /api/v1/organiser is public.
 */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { adminPageContext } from '../admin/page.js';
import { formField } from '../admin/form.js';
import { fieldId, type FormError } from '../web/forms/errors.js';
import { identify, staffOf, staffOnly } from '../staff/guard.js';
import type { Locale } from '../web/i18n.js';
import { access } from '../staff/roles.js';
import { sendHtml } from '../web/page.js';
import { publicNameOf, type SiteIdentity } from '../web/site-identity.js';
import { LOGO_PATH, type OrganiserIdentity } from './identity.js';
import { identityErrorMessage } from './identity.messages.js';
import { IDENTITY_FIELDS, IDENTITY_LIMITS, type IdentityIssue } from './identity.schema.js';
import { currentIdentity, getIdentity, getLogo, toSiteIdentity, updateIdentity } from './identity.service.js';
import { LOGO_HEADERS, LOGO_LIMITS } from './logo.js';
import { IDENTITY_PATH, IdentityPage, type IdentityFormValues } from './views/IdentityPage.js';

/** Requests that never render a page: no identity needed. */
const WITHOUT_PAGE = /^\/(api\/|assets\/|static\/|metrics|healthz|readyz|organisation\/logo)/;

// The same stored identity is read for seconds at a time: shape it for web/ once, not per request.
const shaped = new WeakMap<object, SiteIdentity>();
function siteIdentityOfStored(identity: OrganiserIdentity): SiteIdentity {
  let site = shaped.get(identity);
  if (!site) shaped.set(identity, (site = toSiteIdentity(identity)));
  return site;
}

/** Sets request.siteIdentity on every request that may render a page (kept in memory: see currentIdentity). */
export function registerSiteIdentity(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('siteIdentity', undefined);
  app.addHook('onRequest', async (request) => {
    if (WITHOUT_PAGE.test(request.url)) return;
    const identity = await currentIdentity(ctx);
    if (identity) request.siteIdentity = siteIdentityOfStored(identity);
  });
}

interface ReceivedFile {
  bytes: Buffer;
  truncated: boolean;
}

function logoOf(body: unknown): ReceivedFile | undefined {
  const file = body && typeof body === 'object' ? (body as Record<string, unknown>).logo : undefined;
  return file && typeof file === 'object' && Buffer.isBuffer((file as ReceivedFile).bytes) ? (file as ReceivedFile) : undefined;
}

const formErrors = (locale: Locale, issues: readonly IdentityIssue[]): FormError[] =>
  issues.map((i) => ({ key: i.field, id: fieldId(i.field), message: identityErrorMessage(locale, i.field, i.code) }));

const formValues = (i: OrganiserIdentity | null): IdentityFormValues =>
  Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, i ? (i[f] ?? '') : ''])) as IdentityFormValues;

const publicSchema = z
  .object({
    name: z.string(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().describe("'' when not given"),
    contactAddress: z.string().describe("'' when not given"),
    privacyContact: z.string().describe("Data-protection contact; '' when not given"),
    logoUrl: z.string().nullable().describe('Absolute URL of the logo (PNG or cleaned SVG); null: none'),
  })
  .meta({ id: 'Organiser' });

const fullSchema = publicSchema
  .extend({ mailReplyTo: z.string().nullable().describe('Reply-To of every mail; null: contactEmail') })
  .meta({ id: 'OrganiserWithMail' });

const patchSchema = z
  .object({
    name: z.string().optional().describe(`Shown in the header, titles and mails; at most ${IDENTITY_LIMITS.name} characters`),
    contactEmail: z.string().optional(),
    contactPhone: z.string().optional().describe('Digits, spaces, +, - and brackets'),
    contactAddress: z.string().optional().describe('One line'),
    privacyContact: z.string().optional(),
    mailReplyTo: z.string().nullable().optional().describe("null or '': replies go to contactEmail"),
    logo: z
      .object({
        base64: z
          .string()
          .describe(`PNG or SVG, at most ${LOGO_LIMITS.bytes} bytes; an SVG is cleaned (no scripts, handlers or outside references) or refused`),
      })
      .nullable()
      .optional()
      .describe('null removes the logo'),
  })
  .meta({ id: 'OrganiserChange' });

const invalidSchema = z
  .object({
    error: z.literal('invalid_organiser'),
    message: z.string(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
  })
  .meta({ id: 'OrganiserInvalid' });
const plainErrorSchema = z.object({ error: z.string(), message: z.string() });

function publicView(ctx: AppContext, i: OrganiserIdentity | null) {
  const site = i ? toSiteIdentity(i) : null;
  return {
    name: publicNameOf(i, 'da'),
    contactEmail: i?.contactEmail ?? null,
    contactPhone: i?.contactPhone ?? '',
    contactAddress: i?.contactAddress ?? '',
    privacyContact: i?.privacyContact ?? '',
    logoUrl: site?.logoPath ? ctx.config.baseUrl + site.logoPath : null,
  };
}

export function identityRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const write = access.settings.write;
    const guard = staffOnly(ctx, write);

    base.get(LOGO_PATH, { schema: { hide: true } }, async (_request, reply) => {
      const logo = await getLogo(ctx.db);
      if (!logo) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
      return reply.headers(LOGO_HEADERS).type(logo.type).send(logo.bytes);
    });

    const api = base.withTypeProvider<ZodTypeProvider>();
    api.get(
      '/api/v1/organiser',
      {
        schema: {
          tags: ['organiser'],
          summary: "The organiser's name, logo and contact details (public)",
          response: { 200: publicSchema },
        },
      },
      async () => publicView(ctx, await getIdentity(ctx.db)),
    );

    api.patch(
      '/api/v1/organiser',
      {
        config: { staffRoles: write },
        schema: {
          tags: ['organiser'],
          summary: "Change the organiser's name, logo and contact details (staff: administrator)",
          description: 'Fields left out keep their values. The same rules as the form at /admin/settings/identity; nothing is saved when one fails.',
          security: [{ bearerAuth: [] }],
          body: patchSchema,
          response: { 200: fullSchema, 400: plainErrorSchema, 401: plainErrorSchema, 403: plainErrorSchema, 422: invalidSchema },
        },
        // Checked in the handler to answer 422 with a message per field.
        validatorCompiler: () => (data) => ({ value: data }),
      },
      async (request, reply) => {
        const staff = staffOf(request);
        const body = request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? (request.body as Record<string, unknown>) : {};
        const { logo, ...fields } = body;
        const known = Object.fromEntries(Object.entries(fields).filter(([k]) => (IDENTITY_FIELDS as readonly string[]).includes(k)));
        let logoChange: { upload: Buffer } | { remove: true } | undefined;
        if (logo === null) logoChange = { remove: true };
        else if (logo && typeof logo === 'object' && typeof (logo as { base64?: unknown }).base64 === 'string') {
          logoChange = { upload: Buffer.from((logo as { base64: string }).base64, 'base64') };
        } else if (logo !== undefined) logoChange = { upload: Buffer.alloc(0) };
        const result = await updateIdentity(ctx, staff, known, logoChange);
        if (!result.ok) {
          return reply.code(422).send({
            error: 'invalid_organiser' as const,
            message: staff.locale === 'da' ? 'Oplysningerne er ikke gemt. Ret fejlene.' : 'Nothing was saved. Correct the errors.',
            errors: formErrors(staff.locale, result.issues).map((e) => ({
              path: e.key,
              code: result.issues.find((i) => i.field === e.key)!.code,
              message: e.message,
            })),
          });
        }
        return { ...publicView(ctx, result.identity), mailReplyTo: result.identity.mailReplyTo };
      },
    );

    await base.register(async (app) => {
      // Strangers are turned away before a byte of their upload is read.
      app.addHook('onRequest', async (request, reply) => {
        if (request.method !== 'POST') return;
        const staff = await identify(ctx, request);
        if (staff && (write as readonly string[]).includes(staff.role)) return;
        return guard.call(app, request, reply);
      });
      await app.register(multipart, {
        attachFieldsToBody: 'keyValues',
        throwFileSizeLimit: false,
        limits: { fileSize: LOGO_LIMITS.bytes, files: 1, fields: 12, fieldSize: 10_000, parts: 14, headerPairs: 100 },
        async onFile(part: MultipartFile) {
          const chunks: Buffer[] = [];
          for await (const chunk of part.file) chunks.push(chunk as Buffer);
          if (part.fieldname !== 'logo' || part.filename === '') return;
          (part as unknown as { value: ReceivedFile }).value = { bytes: Buffer.concat(chunks), truncated: part.file.truncated };
        },
      });

      const render = async (request: FastifyRequest, reply: FastifyReply, values: IdentityFormValues | null, errors: FormError[], saved: boolean) => {
        const stored = await getIdentity(ctx.db);
        const page = await adminPageContext(ctx, request, reply);
        const html = IdentityPage({
          page,
          values: values ?? formValues(stored),
          errors,
          logoPath: stored ? toSiteIdentity(stored).logoPath : null,
          configured: stored !== null,
          saved,
        });
        return sendHtml(reply, html, errors.length > 0 ? 400 : 200);
      };

      app.get(IDENTITY_PATH, { schema: { hide: true }, config: { staffRoles: write }, preHandler: guard }, async (request, reply) => {
        const saved = (request.query as Record<string, unknown> | undefined)?.['saved'] === '1';
        return render(request, reply, null, [], saved);
      });

      app.post(IDENTITY_PATH, { schema: { hide: true }, config: { staffRoles: write }, preHandler: guard }, async (request, reply) => {
        const staff = staffOf(request);
        const values = Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, formField(request.body, f) ?? ''])) as IdentityFormValues;
        const file = logoOf(request.body);
        if (file?.truncated) {
          return render(request, reply, values, formErrors(staff.locale, [{ field: 'logo', code: 'too_large' }]), false);
        }
        const logo = file ? { upload: file.bytes } : formField(request.body, 'removeLogo') === '1' ? ({ remove: true } as const) : undefined;
        const result = await updateIdentity(ctx, staff, values, logo);
        if (!result.ok) return render(request, reply, values, formErrors(staff.locale, result.issues), false);
        return reply.code(303).header('location', `${IDENTITY_PATH}?saved=1`).send();
      });
    });
  };
}
