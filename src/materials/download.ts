import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { notFound } from '../lib/errors.js';
import { attachmentDisposition } from '../web/content-disposition.js';
import { openMaterialFile, type DownloadableMaterial } from './materials.service.js';

/**
 * Streams a material as an attachment with its file name (RFC 6266), its
 * checked media type and nosniff, so a browser never runs it as a page.
 * A file missing on disk is the 404 page, and logged.
 */
export async function sendMaterial(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  material: DownloadableMaterial,
  cacheControl: string,
): Promise<FastifyReply> {
  const file = await openMaterialFile(ctx, material.storageKey);
  if (!file) {
    request.log.warn({ materialId: material.id }, 'material file missing on disk');
    throw notFound('Material file missing');
  }
  return reply
    .header('Content-Type', material.contentType)
    .header('Content-Disposition', attachmentDisposition(material.filename))
    .header('Content-Length', file.size)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', cacheControl)
    .send(file.stream);
}
