/**
 * The finance pages (/admin/invoices, finance and admin): the filtered list
 * with totals and the bookkeeping CSV, a document's page with its PDF and
 * XML, and marking an invoice paid (or taking that back), audited.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { adminPageContext } from '../admin/page.js';
import { formField } from '../admin/form.js';
import { localDateKey } from '../lib/dates.js';
import { CSV_CONTENT_TYPE, toCsv } from '../lib/tabular/csv.js';
import type { FormError } from '../web/forms/errors.js';
import { staffOf, staffOnly } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import { translator, type MessageKey } from '../web/i18n.js';
import { sendHtml } from '../web/page.js';
import { notFound } from '../lib/errors.js';
import { bookkeepingFilename, bookkeepingTable } from './bookkeeping-export.js';
import { financeQuerySchema, type FinanceQuery } from './finance.filters.js';
import {
  creditNotesOfInvoice,
  eventsWithFinanceDocuments,
  exportFinanceDocuments,
  findDocument,
  listFinanceDocuments,
  markInvoicePaid,
  undoInvoicePaid,
} from './finance.service.js';
import { attachmentDisposition } from '../web/content-disposition.js';
import { sendInvoiceFile } from './invoice-download.js';
import { invoicePdfFile, invoiceXmlFile } from './invoices.service.js';
import { DETAIL_NOTICES, FinanceDetailPage, type DetailNotice } from './views/admin/FinanceDetailPage.js';
import { FinanceListPage, type FilterValues } from './views/admin/FinanceListPage.js';
import { FINANCE_EXPORT_PATH, FINANCE_PATH, financeDocumentPath } from './views/admin/format.js';

const FILTER_TEXT = ['number', 'kind', 'status', 'event', 'buyer', 'from', 'to'] as const;

function filterValues(query: unknown): FilterValues {
  const values = Object.fromEntries(FILTER_TEXT.map((f) => [f, formField(query, f) ?? ''])) as unknown as FilterValues;
  const overdue = formField(query, 'overdue');
  return { ...values, overdue: overdue === '1' || overdue === 'true' || overdue === 'on' };
}

/** The query as the schema reads it: one text per name (a repeated name counts once). */
function queryInput(query: unknown): Record<string, string> {
  return Object.fromEntries(
    [...FILTER_TEXT, 'overdue', 'page'].flatMap((f) => {
      const v = formField(query, f);
      return v === undefined ? [] : [[f, v]];
    }),
  );
}

export function parseFinanceQuery(query: unknown, locale: 'da' | 'en'): { query: FinanceQuery } | { errors: FormError[] } {
  const parsed = financeQuerySchema.safeParse(queryInput(query));
  if (parsed.success) return { query: parsed.data };
  const t = translator(locale);
  const seen = new Set<string>();
  const errors: FormError[] = [];
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'number');
    const target = (FILTER_TEXT as readonly string[]).includes(field) ? field : 'number';
    if (seen.has(target)) continue;
    seen.add(target);
    const code = ['invalid_value', 'invalid_date', 'date_order', 'too_long', 'invalid_characters'].includes(issue.message) ? issue.message : 'invalid_value';
    errors.push({
      key: target,
      id: `filter-${target}`,
      message: `${t(`finance.filter.${target}` as MessageKey)}: ${t(`finance.filter.error.${code}` as MessageKey)}`,
    });
  }
  return { errors };
}

export function invoicesAdminRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const read = access.invoices.read;
    const write = access.invoices.write;
    const readRoute = { schema: { hide: true }, config: { staffRoles: read }, preHandler: staffOnly(ctx, read) };
    const writeRoute = { schema: { hide: true }, config: { staffRoles: write }, preHandler: staffOnly(ctx, write) };

    app.get(FINANCE_PATH, readRoute, async (request, reply) => {
      const page = await adminPageContext(ctx, request, reply);
      const parsed = parseFinanceQuery(request.query, page.locale);
      const events = await eventsWithFinanceDocuments(ctx);
      if ('errors' in parsed) {
        return sendHtml(reply, FinanceListPage({ page, values: filterValues(request.query), query: null, errors: parsed.errors, result: null, events }), 400);
      }
      const result = await listFinanceDocuments(ctx, parsed.query);
      return sendHtml(reply, FinanceListPage({ page, values: filterValues(request.query), query: parsed.query, errors: [], result, events }));
    });

    app.get(FINANCE_EXPORT_PATH, readRoute, async (request, reply) => {
      const locale = staffOf(request).locale;
      const parsed = parseFinanceQuery(request.query, locale);
      if ('errors' in parsed)
        return reply
          .code(400)
          .type('text/plain; charset=utf-8')
          .send(parsed.errors.map((e) => e.message).join('\n'));
      const rows = await exportFinanceDocuments(ctx, parsed.query);
      const today = localDateKey(ctx.clock.now().toISOString());
      return reply
        .type(CSV_CONTENT_TYPE)
        .header('content-disposition', attachmentDisposition(bookkeepingFilename(locale, today)))
        .header('cache-control', 'private, no-store')
        .send(toCsv(bookkeepingTable(rows, locale)));
    });

    const loadDocument = async (request: FastifyRequest) => {
      const number = (request.params as { number?: string }).number ?? '';
      const stored = await findDocument(ctx, number);
      if (!stored) throw notFound('No such invoice');
      return stored;
    };

    const detail = async (
      request: FastifyRequest,
      reply: FastifyReply,
      extra: { notice?: DetailNotice; paymentValue?: string; errors?: FormError[] } = {},
      status = 200,
    ) => {
      const stored = await loadDocument(request);
      const page = await adminPageContext(ctx, request, reply);
      const [events, creditNotes] = await Promise.all([eventsWithFinanceDocuments(ctx), creditNotesOfInvoice(ctx, stored.id)]);
      return sendHtml(
        reply,
        FinanceDetailPage({
          page,
          stored,
          eventTitle: events.find((e) => e.id === stored.eventId)?.title ?? null,
          creditNotes,
          today: localDateKey(ctx.clock.now().toISOString()),
          ...extra,
        }),
        status,
      );
    };

    app.get(`${FINANCE_PATH}/:number`, readRoute, async (request, reply) => {
      const done = (request.query as Record<string, unknown> | undefined)?.['done'];
      return detail(request, reply, { notice: DETAIL_NOTICES.find((n) => n === done) });
    });

    app.get(`${FINANCE_PATH}/:number/pdf`, readRoute, async (request, reply) => sendInvoiceFile(reply, await invoicePdfFile(await loadDocument(request))));
    app.get(`${FINANCE_PATH}/:number/xml`, readRoute, async (request, reply) => sendInvoiceFile(reply, invoiceXmlFile(await loadDocument(request))));

    const back = (reply: FastifyReply, number: string, notice: DetailNotice) =>
      reply
        .code(303)
        .header('location', `${financeDocumentPath(number)}?done=${notice}`)
        .send();

    app.post(`${FINANCE_PATH}/:number/paid`, writeRoute, async (request, reply) => {
      const stored = await loadDocument(request);
      const typed = formField(request.body, 'paidDate');
      const result = await markInvoicePaid(ctx, staffOf(request), stored, typed);
      if (result.ok) return back(reply, stored.document.number, 'paid');
      if ('refused' in result) return back(reply, stored.document.number, 'refused');
      const t = translator(staffOf(request).locale);
      const message = t(`finance.paid.error.${result.error}`);
      return detail(request, reply, { paymentValue: typed ?? '', errors: [{ key: 'paidDate', id: 'paid-date', message }] }, 400);
    });

    app.post(`${FINANCE_PATH}/:number/unpaid`, writeRoute, async (request, reply) => {
      const stored = await loadDocument(request);
      const result = await undoInvoicePaid(ctx, staffOf(request), stored);
      return back(reply, stored.document.number, result.ok ? 'undone' : 'refused');
    });
  };
}
