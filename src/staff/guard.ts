/**
 * The back-office guard. Every /admin route and every staff API route
 * declares who may use it:
 *
 *   app.get('/admin/events', { config: { staffRoles: access.events.read },
 *     preHandler: staffOnly(ctx, access.events.read) }, handler)
 *
 * (`staffRoles` alone is enough: the onRoute hook in registerStaffGuard puts
 * the guard in preValidation of every route that declares it; an /admin route
 * that declares nothing is locked to administrators and fails the route-table
 * test, test/integration/admin-route-table.test.ts.)
 *
 * Anonymous: browser pages → 303 /admin/login?next=…, /api/ → 401 JSON.
 * Wrong role → 403 (page or JSON). A session-authenticated request that
 * changes something must carry the CSRF token, checked here as well.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { RawBuilder } from 'kysely';
import type { AppContext } from '../context.js';
import type { StaffIdentity } from './identity.js';
import { isRole, type Role } from './roles.js';
import { anyEventCondition, assignedEventCondition, facilitatedEventIds, isFacilitatorOf } from './staff.queries.js';
import { sessionIdentity, tokenIdentity } from './staff.service.js';
import { adminPageContext } from '../admin/page.js';
import { ForbiddenPage } from '../web/admin/ForbiddenPage.js';
import { sendHtml } from '../web/page.js';
import { safeNext } from '../web/admin/safe-next.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the staff guard on guarded routes. */
    staff: StaffIdentity | null;
  }
  interface FastifyContextConfig {
    /** The roles that may use this back-office or staff API route. */
    staffRoles?: readonly Role[];
  }
}

export const STAFF_COOKIE = 'tilmeld_staff';
export const LOGIN_PATH = '/admin/login';

const GUARD_ROLES = Symbol('staffGuardRoles');
type Guard = preHandlerAsyncHookHandler & { [GUARD_ROLES]: readonly Role[] };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** Login pages are the only /admin routes open to everyone. */
export function isLoginRoute(url: string): boolean {
  return url === LOGIN_PATH || url.startsWith(`${LOGIN_PATH}/`);
}

export function isAdminRoute(url: string): boolean {
  return url === '/admin' || url.startsWith('/admin/');
}

export function loginUrl(next?: string, locale?: 'da' | 'en'): string {
  const params = new URLSearchParams();
  if (next && next !== '/admin') params.set('next', next);
  if (locale === 'en') params.set('lang', 'en');
  const query = params.toString();
  return query ? `${LOGIN_PATH}?${query}` : LOGIN_PATH;
}

/** The staff member of this request (session cookie or bearer token), found once per request. */
export async function identify(ctx: AppContext, request: FastifyRequest): Promise<StaffIdentity | null> {
  if (request.staff) return request.staff;
  const authorization = request.headers.authorization;
  let staff: StaffIdentity | null;
  if (authorization !== undefined) {
    // A bearer header decides alone: a bad token is not rescued by a cookie.
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    staff = match ? await tokenIdentity(ctx, match[1]!) : null;
  } else {
    staff = await sessionIdentity(ctx, request.cookies[STAFF_COOKIE]);
  }
  if (staff) {
    staff.requestId = request.id;
    request.staff = staff;
  }
  return staff;
}

/** The staff member set by the guard; for handlers of guarded routes. */
export function staffOf(request: FastifyRequest): StaffIdentity {
  if (!request.staff) throw new Error('staffOf() on a route without the staff guard');
  return request.staff;
}

function refuseAnonymous(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isApiRequest(request)) {
    return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized', message: 'Log in or send Authorization: Bearer <token>' });
  }
  const next = SAFE_METHODS.has(request.method) ? safeNext(request.url) : undefined;
  return reply.code(303).header('location', loginUrl(next)).send();
}

async function refuseRole(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  if (isApiRequest(request)) return reply.code(403).send({ error: 'forbidden', message: 'Your role may not use this resource' });
  const page = await adminPageContext(ctx, request, reply);
  return sendHtml(reply, ForbiddenPage({ page }), 403);
}

/** Runs @fastify/csrf-protection's check; true when the token is good (otherwise the 403 is already sent). */
function csrfPasses(request: FastifyRequest, reply: FastifyReply): boolean {
  let passed = false;
  request.server.csrfProtection.call(request.server, request, reply, () => {
    passed = true;
  });
  return passed;
}

/** A preHandler that lets only the given roles through. */
export function staffOnly(ctx: AppContext, roles: readonly Role[]): Guard {
  const allowed = new Set<Role>(roles);
  const guard = async function staffGuard(request: FastifyRequest, reply: FastifyReply) {
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow');
    const staff = await identify(ctx, request);
    if (!staff) return refuseAnonymous(request, reply);
    if (!allowed.has(staff.role)) return refuseRole(ctx, request, reply);
    if (staff.via === 'session' && !SAFE_METHODS.has(request.method) && !csrfPasses(request, reply)) return reply;
  } as Guard;
  guard[GUARD_ROLES] = [...roles];
  return guard;
}

function handlersOf(hook: unknown): unknown[] {
  return Array.isArray(hook) ? hook : hook ? [hook] : [];
}

function guardsOf(...hooks: unknown[]): Guard[] {
  return hooks.flatMap(handlersOf).filter((h): h is Guard => typeof h === 'function' && GUARD_ROLES in h);
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r) => b.includes(r));

/** A route as the guard saw it being registered (for the route-table test). */
export interface GuardedRouteEntry {
  method: string;
  url: string;
  /** config.staffRoles as declared. */
  declared: readonly Role[] | undefined;
  /** The roles the guard lets through; undefined for routes without a guard. */
  roles: readonly Role[] | undefined;
}

const routeTables = new WeakMap<object, GuardedRouteEntry[]>();

/** Every route registered on the app, with its guard. */
export function staffRouteTable(app: FastifyInstance): readonly GuardedRouteEntry[] {
  return routeTables.get(app) ?? [];
}

/**
 * Request decoration and the onRoute hook that guards every route declaring
 * `config.staffRoles` (or carrying staffOnly), and locks any other /admin
 * route (except login) to administrators. The guard runs in preValidation:
 * after the body is parsed (for the CSRF field) but before schemas are
 * checked, so an anonymous request learns nothing from validation errors.
 * An explicit staffOnly in preHandler still runs, at no extra cost.
 * Register before any route.
 */
export function registerStaffGuard(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('staff', null);
  const table: GuardedRouteEntry[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    const declared = route.config?.staffRoles;
    if (declared !== undefined && (!Array.isArray(declared) || !declared.every(isRole))) {
      throw new Error(`${String(route.method)} ${route.url}: config.staffRoles must list roles from src/staff/roles.ts`);
    }
    const explicit = guardsOf(route.onRequest, route.preValidation, route.preHandler);
    if (declared && explicit.some((g) => !sameRoles(g[GUARD_ROLES], declared))) {
      throw new Error(`${String(route.method)} ${route.url}: staffOnly roles differ from config.staffRoles`);
    }
    const fallback = isAdminRoute(route.url) && !isLoginRoute(route.url) ? (['admin'] as const) : undefined;
    const roles = declared ?? explicit[0]?.[GUARD_ROLES] ?? fallback;
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) table.push({ method: String(method), url: route.url, declared, roles });
    if (!roles) return;
    // Staff API routes in the OpenAPI document show the bearer scheme.
    if (route.schema && !route.schema.hide && !route.schema.security) route.schema.security = [{ bearerAuth: [] }];
    if (guardsOf(route.preValidation).length > 0) return;
    route.preValidation = [staffOnly(ctx, roles), ...handlersOf(route.preValidation)] as typeof route.preValidation;
  });
}

/** Whether the staff member may see this event's pages: facilitators only their assigned events. */
export async function canSeeEvent(ctx: AppContext, staff: Pick<StaffIdentity, 'id' | 'role'>, eventId: number): Promise<boolean> {
  if (staff.role !== 'facilitator') return true;
  return isFacilitatorOf(ctx.db, staff.id, eventId);
}

/** The events a staff member may see, as ids: undefined for all (every role but facilitator). */
export async function visibleEventIds(ctx: AppContext, staff: Pick<StaffIdentity, 'id' | 'role'>): Promise<number[] | undefined> {
  if (staff.role !== 'facilitator') return undefined;
  return facilitatedEventIds(ctx.db, staff.id);
}

/**
 * A condition for queries over events (or anything with an event id column):
 * everything for most roles, only assigned events for facilitators.
 *   db.selectFrom('events').where(eventVisibleTo(staff)) …
 *   db.selectFrom('registrations').where(eventVisibleTo(staff, 'registrations.event_id')) …
 */
export function eventVisibleTo(staff: Pick<StaffIdentity, 'id' | 'role'>, column = 'events.id'): RawBuilder<boolean> {
  if (staff.role !== 'facilitator') return anyEventCondition();
  return assignedEventCondition(staff.id, column);
}
