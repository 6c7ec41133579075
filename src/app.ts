import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import { fastifyKitaHtml } from '@kitajs/fastify-html-plugin';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { DKFDS_DIST, DKFDS_PREFIX, STATIC_DIR, STATIC_PREFIX } from './web/assets.js';
import { registerErrorPages } from './web/error-pages.js';
import { registerSecurityHeaders } from './web/security-headers.js';
import { pageCacheServerFactory, type FastPages } from './web/fast-pages.js';
import { dataVersion } from './db/dialect.js';
import { requestIdOf } from './observability/request-id.js';
import { healthRoutes } from './health/health.routes.js';
import { infoPageRoutes } from './pages/pages.routes.js';
import { homeRoutes } from './pages/home.routes.js';
import { sitemapRoutes } from './pages/sitemap.routes.js';
import { eventsRoutes } from './events/events.routes.js';
import { eventsApi } from './events/events.api.js';
import { eventsStaffApi } from './events/events.staff-api.js';
import { eventsAdminRoutes } from './events/events.admin.routes.js';
import { eventSectionsRoutes } from './events/event-sections.routes.js';
import { newsRoutes } from './news/news.routes.js';
import { newsApi } from './news/news.api.js';
import {
  exportsAdminRoutes,
  registrationsAdminRoutes,
  registrationsApi,
  registrationsOverviewRoutes,
  registrationsStaffApi,
  selfServiceRoutes,
  signupRoutes,
  venueReportApi,
} from './registrations/routes.js';
import { materialsRoutes } from './materials/materials.routes.js';
import { registerOpenApi } from './api/openapi.js';
import { registerCsrf } from './web/csrf.js';
import { loadSecretKey } from './lib/secret.js';
import { registerObservability } from './observability/observability.routes.js';
import { registerStaffGuard } from './staff/guard.js';
import { loginRoutes } from './staff/login.routes.js';
import { accountRoutes } from './staff/account.routes.js';
import { tokensRoutes } from './staff/tokens.routes.js';
import { usersRoutes } from './staff/users.routes.js';
import { auditRoutes } from './staff/audit.routes.js';
import { dashboardRoutes } from './admin/dashboard.routes.js';
import { newsAdminRoutes } from './news/news.admin.routes.js';
import { organiserAdminRoutes } from './organiser/organiser.admin.routes.js';
import { membersApi } from './organiser/members.api.js';
import { identityRoutes, registerSiteIdentity } from './organiser/identity.routes.js';
import { membersAdminRoutes } from './organiser/members.admin.routes.js';
import { materialsAdminRoutes } from './materials/materials.admin.routes.js';
import { invoicesAdminRoutes } from './invoices/invoices.admin.routes.js';
import { invoicesApi } from './invoices/invoices.api.js';
import { campaignsAdminRoutes } from './messages/campaigns.admin.routes.js';
import { messagesApi } from './messages/messages.api.js';
import { messagesOverviewRoutes } from './messages/messages-overview.routes.js';
import { groupsAdminRoutes } from './groups/groups.admin.routes.js';
import { groupsApi } from './groups/groups.api.js';
import { checkinApi, checkinRoutes } from './checkin/index.js';
import { evaluationsAdminRoutes, evaluationsApi, evaluationsRoutes } from './evaluations/routes.js';
import { certificatesAdminRoutes, certificatesApi, certificatesRoutes } from './certificates/routes.js';

export type App = FastifyInstance;

/**
 * TRUST_PROXY as Fastify takes it. A hop count becomes "the nearest n hops":
 * Fastify 5 no longer reads a number that way (it then trusts no one).
 */
function fastifyTrustProxy(setting: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

/** Builds the whole web application around a context; nothing listens yet. */
export async function buildApp(ctx: AppContext, options: FastifyServerOptions = {}): Promise<App> {
  const fastPages: FastPages = { cache: ctx.pageCache, headers: [], onHit: () => ctx.metrics.pageCacheHits.inc() };
  const app = Fastify({
    logger: options.logger ?? { level: ctx.config.logLevel },
    // Long search strings are rejected by schemas with a clear message; this is the hard ceiling.
    routerOptions: { maxParamLength: 500 },
    // Off unless TRUST_PROXY names the proxy: otherwise any client could write X-Forwarded-For and pick its own address.
    trustProxy: fastifyTrustProxy(ctx.config.trustProxy),
    // A request id from the proxy is kept when it looks like one, so logs line up across hops.
    requestIdHeader: false,
    genReqId: (request) => requestIdOf(request.headers['x-request-id']),
    // Cached public pages are answered before Fastify (web/fast-pages.ts), with the security headers set below.
    serverFactory: pageCacheServerFactory(fastPages),
    ...options,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  fastPages.headers = await registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // Calendar files and materials are opened by other programs; keep cross-origin reads simple.
    crossOriginResourcePolicy: { policy: 'same-site' },
    // Read only by browsers long out of support: X-XSS-Protection switched off an auditor that
    // browsers have removed, X-Download-Options is for Internet Explorer 8. Every header line
    // costs each response Node's checks; these two protected no visitor.
    xXssProtection: false,
    xDownloadOptions: false,
  });
  await app.register(formbody);
  await registerCsrf(app, loadSecretKey(ctx.config.dataDir, ctx.config.secretKey), ctx.config.baseUrl.startsWith('https:'));
  // Before any route: guards every /admin route and every route declaring config.staffRoles.
  registerStaffGuard(app, ctx);
  await app.register(fastifyKitaHtml);
  await app.register(fastifyStatic, {
    root: DKFDS_DIST,
    prefix: `${DKFDS_PREFIX}/`,
    immutable: true,
    maxAge: '365d',
  });
  await app.register(fastifyStatic, {
    root: STATIC_DIR,
    prefix: `${STATIC_PREFIX}/`,
    decorateReply: false,
    maxAge: '1h',
  });

  registerSiteIdentity(app, ctx);
  registerErrorPages(app, ctx);
  registerObservability(app, ctx);
  // Kept pages go as soon as the database changes, whoever wrote (docs/ARCHITECTURE.md, "Speed").
  const stopWatchingPages = ctx.pageCache.watch(() => dataVersion(ctx.db), ctx.config.pageCacheCheckMs);
  app.addHook('onClose', async () => stopWatchingPages());
  await registerOpenApi(app, ctx.config.baseUrl);
  await app.register(healthRoutes(ctx));
  await app.register(homeRoutes(ctx));
  await app.register(infoPageRoutes(ctx));
  await app.register(sitemapRoutes(ctx));
  await app.register(eventsRoutes(ctx));
  await app.register(newsRoutes(ctx));
  await app.register(materialsRoutes(ctx));
  await app.register(signupRoutes(ctx));
  await app.register(selfServiceRoutes(ctx));
  await app.register(eventsApi(ctx));
  await app.register(eventsStaffApi(ctx));
  await app.register(newsApi(ctx));
  await app.register(registrationsApi(ctx));
  await app.register(loginRoutes(ctx));
  await app.register(accountRoutes(ctx));
  await app.register(tokensRoutes(ctx));
  await app.register(usersRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(dashboardRoutes(ctx));
  await app.register(eventsAdminRoutes(ctx));
  await app.register(eventSectionsRoutes(ctx));
  await app.register(exportsAdminRoutes(ctx));
  await app.register(registrationsAdminRoutes(ctx));
  await app.register(newsAdminRoutes(ctx));
  await app.register(organiserAdminRoutes(ctx));
  await app.register(identityRoutes(ctx));
  await app.register(materialsAdminRoutes(ctx));
  await app.register(invoicesAdminRoutes(ctx));
  await app.register(invoicesApi(ctx));
  await app.register(campaignsAdminRoutes(ctx));
  await app.register(messagesApi(ctx));
  await app.register(registrationsOverviewRoutes(ctx));
  await app.register(messagesOverviewRoutes(ctx));
  await app.register(registrationsStaffApi(ctx));
  await app.register(checkinApi(ctx));
  await app.register(checkinRoutes(ctx));
  await app.register(venueReportApi(ctx));
  await app.register(membersApi(ctx));
  await app.register(membersAdminRoutes(ctx));
  await app.register(groupsAdminRoutes(ctx));
  await app.register(groupsApi(ctx));
  await app.register(evaluationsRoutes(ctx));
  await app.register(evaluationsAdminRoutes(ctx));
  await app.register(evaluationsApi(ctx));
  await app.register(certificatesRoutes(ctx));
  await app.register(certificatesAdminRoutes(ctx));
  await app.register(certificatesApi(ctx));
  return app;
}
