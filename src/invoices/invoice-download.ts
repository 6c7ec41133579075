import type { FastifyReply } from 'fastify';
import { attachmentDisposition } from '../web/content-disposition.js';
import type { RenderedFile } from './invoices.service.js';

/** Sends a rendered invoice or credit note as a private download with its RFC 6266 filename. */
export function sendInvoiceFile(reply: FastifyReply, file: RenderedFile): FastifyReply {
  return reply
    .type(file.contentType)
    .header('content-disposition', attachmentDisposition(file.filename))
    .header('cache-control', 'private, no-store')
    .send(file.body);
}
