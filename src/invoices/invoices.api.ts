/**
 * Staff API for invoices and credit notes (finance and administrators, by
 * bearer token): GET /api/v1/invoices with the finance list's filters, and
 * GET /api/v1/invoices/{number} as JSON, as the Peppol UBL document
 * (Accept: application/xml) or as the PDF (Accept: application/pdf).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { access } from '../staff/roles.js';
import { DELIVERY_STATES, deliveryStateOf } from './delivery-state.js';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from './document.js';
import { financeQuerySchema } from './finance.filters.js';
import type { FinanceRow } from './finance.queries.js';
import { findDocument, listFinanceDocuments } from './finance.service.js';
import { sendInvoiceFile } from './invoice-download.js';
import { invoicePdfFile, invoiceXmlFile, type StoredDocument } from './invoices.service.js';
import { preferredRepresentation, REPRESENTATIONS } from './representation.js';

const security = [{ bearerAuth: [] }];
const plainErrorSchema = z.object({ error: z.string(), message: z.string() });
const paidDate = z.string().nullable().describe('The day the payment arrived, YYYY-MM-DD (a date, not a time); null while unpaid');
const ore = (description: string) => z.number().int().describe(`${description}, in øre`);

const deliverySchema = z
  .object({
    state: z
      .enum(DELIVERY_STATES)
      .describe(
        'not_sent; email: sent by mail; peppol_pending: handed to the Peppol access point, not confirmed yet; peppol_delivered: the access point confirmed delivery; other: another channel',
      ),
    channel: z.string().nullable().describe("The sender's channel, e.g. 'email' or 'peppol'"),
    sentAt: z.string().nullable().describe('When it was handed to the channel'),
    deliveredAt: z.string().nullable().describe('When the access point confirmed delivery (Peppol only)'),
  })
  .meta({ id: 'InvoiceDelivery' });

function deliveryOf(d: { sentAt: string | null; sentVia: string | null; deliveredAt: string | null }): z.infer<typeof deliverySchema> {
  return { state: deliveryStateOf(d), channel: d.sentVia, sentAt: d.sentAt, deliveredAt: d.deliveredAt };
}

const summarySchema = z
  .object({
    number: z.string(),
    kind: z.enum(DOCUMENT_KINDS),
    status: z.enum(DOCUMENT_STATUSES),
    issueDate: z.string(),
    dueDate: z.string().nullable(),
    sentAt: z.string().nullable(),
    delivery: deliverySchema,
    paidAt: paidDate,
    bookingId: z.number().int(),
    eventId: z.number().int(),
    eventTitle: z.string().nullable(),
    buyer: z.object({ organisation: z.string(), cvr: z.string().nullable(), ean: z.string().nullable() }),
    netOre: ore('Sum of lines without VAT'),
    vatOre: ore('VAT'),
    totalOre: ore('Amount including VAT'),
    creditedInvoice: z.string().nullable().describe('On a credit note: the number of the invoice it credits'),
  })
  .meta({ id: 'InvoiceSummary' });

const listSchema = z
  .object({
    items: z.array(summarySchema),
    page: z.number().int(),
    pages: z.number().int(),
    total: z.number().int().describe('Documents matching the filters'),
  })
  .meta({ id: 'InvoiceList' });

const documentSchema = z
  .object({
    number: z.string(),
    kind: z.enum(DOCUMENT_KINDS),
    status: z.enum(DOCUMENT_STATUSES),
    issueDate: z.string(),
    dueDate: z.string().nullable(),
    delivery: deliverySchema,
    paidAt: paidDate,
    bookingId: z.number().int(),
    eventId: z.number().int(),
    buyer: z.object({
      organisation: z.string(),
      cvr: z.string().nullable(),
      ean: z.string().nullable(),
      personReference: z.string().nullable(),
      poNumber: z.string().nullable(),
    }),
    lines: z.array(
      z.object({
        description: z.string(),
        quantity: z.number(),
        unitPriceOre: z.number().int(),
        lineNetOre: z.number().int(),
        vatCategory: z.string(),
        vatPercent: z.number(),
      }),
    ),
    totals: z.object({ netOre: z.number().int(), vatOre: z.number().int(), totalOre: z.number().int(), payableOre: z.number().int() }),
    creditedInvoice: z.string().nullable(),
  })
  .meta({ id: 'Invoice' });

function summaryOf(row: FinanceRow): z.infer<typeof summarySchema> {
  return {
    number: row.number,
    kind: row.kind,
    status: row.status,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    sentAt: row.sentAt,
    delivery: deliveryOf(row),
    paidAt: row.paidAt,
    bookingId: row.bookingId,
    eventId: row.eventId,
    eventTitle: row.eventTitle,
    buyer: { organisation: row.buyerOrganisation, cvr: row.buyerCvr, ean: row.buyerEan },
    netOre: row.netOre,
    vatOre: row.vatOre,
    totalOre: row.totalOre,
    creditedInvoice: row.creditedNumber,
  };
}

function documentOf(stored: StoredDocument): z.infer<typeof documentSchema> {
  const d = stored.document;
  return {
    number: d.number,
    kind: d.kind,
    status: stored.status,
    issueDate: d.issueDate,
    dueDate: d.dueDate,
    delivery: deliveryOf(stored),
    paidAt: stored.paidAt,
    bookingId: d.bookingId,
    eventId: stored.eventId,
    buyer: { organisation: d.buyer.organisation, cvr: d.buyer.cvr, ean: d.buyer.ean, personReference: d.buyer.personReference, poNumber: d.buyer.poNumber },
    lines: d.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitPriceOre: l.unitPriceOre,
      lineNetOre: l.lineNetOre,
      vatCategory: l.vatCategory,
      vatPercent: l.vatPercent,
    })),
    totals: { netOre: d.totals.taxExclusiveOre, vatOre: d.totals.taxOre, totalOre: d.totals.taxInclusiveOre, payableOre: d.totals.payableOre },
    creditedInvoice: d.creditedInvoice?.number ?? null,
  };
}

export function invoicesApi(ctx: AppContext): FastifyPluginAsync {
  const roles = access.invoices.read;
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/invoices',
      {
        config: { staffRoles: roles },
        schema: {
          tags: ['invoices'],
          summary: 'Invoices and credit notes (staff: finance or administrator)',
          description: 'Newest first, 50 a page, with the same filters as the finance pages. Amounts are in øre; credit notes are positive amounts.',
          security,
          querystring: financeQuerySchema,
          response: { 200: listSchema, 401: plainErrorSchema, 403: plainErrorSchema },
        },
      },
      async (request) => {
        const result = await listFinanceDocuments(ctx, request.query);
        return { items: result.rows.map(summaryOf), page: result.page, pages: result.pages, total: result.totals.count };
      },
    );

    app.get(
      '/api/v1/invoices/:number',
      {
        config: { staffRoles: roles },
        schema: {
          tags: ['invoices'],
          summary: 'One invoice or credit note (staff: finance or administrator)',
          description:
            'JSON by default. With Accept: application/xml the Peppol BIS Billing 3.0 UBL document; with Accept: application/pdf the PDF. ' +
            'Any other Accept gets 406.',
          security,
          params: z.object({ number: z.string().max(60) }),
          response: { 200: documentSchema, 401: plainErrorSchema, 403: plainErrorSchema, 404: plainErrorSchema, 406: plainErrorSchema },
        },
      },
      async (request, reply) => {
        const representation = preferredRepresentation(request.headers.accept);
        if (!representation) {
          return reply.code(406).send({ error: 'not_acceptable', message: `Ask for one of ${REPRESENTATIONS.join(', ')}` });
        }
        const stored = await findDocument(ctx, request.params.number);
        if (!stored) return reply.code(404).send({ error: 'not_found', message: 'No such invoice or credit note' });
        if (representation === 'application/xml') return sendInvoiceFile(reply, invoiceXmlFile(stored));
        if (representation === 'application/pdf') return sendInvoiceFile(reply, await invoicePdfFile(stored));
        return documentOf(stored);
      },
    );
  };
}
