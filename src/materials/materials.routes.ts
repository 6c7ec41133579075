import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { notFound } from '../lib/errors.js';
import { paths } from '../web/paths.js';
import { sendMaterial } from './download.js';
import { findPublicMaterial } from './materials.service.js';

export const downloadParams = z.object({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  filename: z.string().min(1).max(400),
});

/** Downloads of public materials: /materialer/{id}/{filename}. Participants' material is never served here. */
export function materialsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get('/materialer/:id/:filename', { schema: { params: downloadParams } }, async (request, reply) => {
      const { id, filename } = request.params;
      const material = await findPublicMaterial(ctx, id);
      if (!material) throw notFound('No such material');
      // The name is part of the address so downloads get a readable URL; an old or mistyped one leads to the right one.
      if (filename !== material.filename) return reply.redirect(paths.material(material.id, material.filename), 301);
      // Public material may later be limited to participants; keep shared caches to five minutes.
      return sendMaterial(ctx, request, reply, material, 'public, max-age=300');
    });
  };
}
