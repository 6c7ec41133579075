import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { notFound } from '../lib/errors.js';
import { paths } from '../web/paths.js';
import { attachmentDisposition } from './content-disposition.js';
import { findPublicMaterial, openMaterialFile } from './materials.service.js';

const downloadParams = z.object({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  filename: z.string().min(1).max(400),
});

/** Downloads of materials: /materialer/{id}/{filename}. */
export function materialsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get('/materialer/:id/:filename', { schema: { params: downloadParams } }, async (request, reply) => {
      const { id, filename } = request.params;
      const material = await findPublicMaterial(ctx, id);
      if (!material) throw notFound('No such material');
      // The name is part of the address so downloads get a readable URL; an old or mistyped one leads to the right one.
      if (filename !== material.filename) return reply.redirect(paths.material(material.id, material.filename), 301);
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
        // Public material may later be limited to participants; keep shared caches to an hour.
        .header('Cache-Control', 'public, max-age=3600')
        .send(file.stream);
    });
  };
}
