import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { LOCALES } from '../web/i18n.js';
import { cachedPage } from '../web/cached-page.js';
import { routePatterns } from '../web/paths.js';
import { AccessibilityPage } from './views/AccessibilityPage.js';
import { PrivacyPage } from './views/PrivacyPage.js';

/** Fixed pages linked from the footer. */
export function infoPageRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    for (const locale of LOCALES) {
      app.get(routePatterns.accessibility[locale], (request, reply) => cachedPage(ctx, request, reply, locale, async (page) => AccessibilityPage({ page })));
      app.get(routePatterns.privacy[locale], (request, reply) => cachedPage(ctx, request, reply, locale, async (page) => PrivacyPage({ page })));
    }
  };
}
