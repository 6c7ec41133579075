/** /admin/audit: the audit log for administrators, a filtered list and each entry's before/after. */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { formField } from '../admin/form.js';
import { adminPageContext } from '../admin/page.js';
import { notFound } from '../lib/errors.js';
import type { FormError } from '../web/forms/errors.js';
import { translator, type Locale, type MessageKey } from '../web/i18n.js';
import { sendHtml } from '../web/page.js';
import { auditChoices, auditEntryWithDiff, listAuditPage } from './audit-log.service.js';
import { AUDIT_ERROR_CODES, AUDIT_FILTER_FIELDS, auditQuerySchema, type AuditFilterField, type AuditQuery } from './audit.filters.js';
import { staffOnly } from './guard.js';
import { access } from './roles.js';
import { AUDIT_PATH, AuditEntryPage, AuditListPage, type AuditFilterValues } from './views/AuditPages.js';

/** The query as the schema reads it: one text per name (a repeated name counts once). */
function queryInput(query: unknown): Record<string, string> {
  return Object.fromEntries(
    [...AUDIT_FILTER_FIELDS, 'page'].flatMap((f) => {
      const v = formField(query, f);
      return v === undefined ? [] : [[f, v]];
    }),
  );
}

function filterValues(query: unknown): AuditFilterValues {
  return Object.fromEntries(AUDIT_FILTER_FIELDS.map((f) => [f, (formField(query, f) ?? '').slice(0, 200)])) as AuditFilterValues;
}

export function parseAuditQuery(query: unknown, locale: Locale): { query: AuditQuery } | { errors: FormError[] } {
  const parsed = auditQuerySchema.safeParse(queryInput(query));
  if (parsed.success) return { query: parsed.data };
  const t = translator(locale);
  const seen = new Set<string>();
  const errors: FormError[] = [];
  for (const issue of parsed.error.issues) {
    const path = String(issue.path[0] ?? '');
    // A bad page number is not a filter the user typed; it is reported on the first filter.
    const field: AuditFilterField = (AUDIT_FILTER_FIELDS as readonly string[]).includes(path) ? (path as AuditFilterField) : 'actor';
    if (seen.has(field)) continue;
    seen.add(field);
    const code = (AUDIT_ERROR_CODES as readonly string[]).includes(issue.message) ? issue.message : 'invalid_value';
    errors.push({
      key: field,
      id: `filter-${field}`,
      message: `${t(`audit.filter.${field}` as MessageKey)}: ${t(`audit.filter.error.${code}` as MessageKey)}`,
    });
  }
  return { errors };
}

export function auditRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const roles = access.audit.read;
    const guarded = { schema: { hide: true }, config: { staffRoles: roles }, preHandler: staffOnly(ctx, roles) };

    app.get(AUDIT_PATH, guarded, async (request, reply) => {
      const page = await adminPageContext(ctx, request, reply);
      const parsed = parseAuditQuery(request.query, page.locale);
      const choices = await auditChoices(ctx);
      const values = filterValues(request.query);
      if ('errors' in parsed) return sendHtml(reply, AuditListPage({ page, values, query: null, errors: parsed.errors, result: null, choices }), 400);
      const result = await listAuditPage(ctx, parsed.query);
      return sendHtml(reply, AuditListPage({ page, values, query: parsed.query, errors: [], result, choices }));
    });

    app.get(`${AUDIT_PATH}/:id`, guarded, async (request, reply) => {
      const id = (request.params as { id?: string }).id ?? '';
      if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647) throw notFound('No such audit entry');
      const found = await auditEntryWithDiff(ctx, Number(id));
      if (!found) throw notFound('No such audit entry');
      const page = await adminPageContext(ctx, request, reply);
      return sendHtml(reply, AuditEntryPage({ page, ...found }));
    });
  };
}
