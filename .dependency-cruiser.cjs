/**
 * Which part of src/ may import which: `npm run lint:deps`.
 *
 * src/ has three kinds of folders (and root files):
 *
 * - foundation: lib/, db/, web/, types/, observability/, config.ts, context.ts.
 *   Knows no area. lib/ is the floor: it imports nothing else from src/.
 *   observability/ (metrics, request ids) serves the context and every layer, so
 *   it is foundation, not an area.
 * - shell: app.ts, server.ts, cli.ts, bootstrap.ts, api/ (the OpenAPI document),
 *   demo/ (demo content through each area's services), web/messages/ (the i18n
 *   catalogues assembled from each area's messages, which web/ may read).
 *   The shell may know every area; no area and no foundation module imports the
 *   shell (an area's `*.cli.ts` command may open the context through bootstrap.ts).
 * - db/schema.ts joins every area's table types (`*.table.ts`) into one DB type
 *   and is imported by all; db/migrations/ stays foundation: migrations are
 *   frozen and name no area.
 * - areas: every other folder directly under src/. An area imports only the areas
 *   listed for it below (the arrows drawn in docs/ARCHITECTURE.md by
 *   `npm run docs:diagram`), and never another area's `*.queries.ts` or `views/`:
 *   those come through the area's public index.ts.
 *
 * Test files are not cruised. Cycles are checked at run time: an import cycle that
 * passes through a type-only import disappears on compilation and is allowed.
 */

/**
 * Areas and the areas each may import (the allowed arrows). Shared kits (forms,
 * mail composition, tabular export) belong in web/ or lib/, so using them draws
 * no arrow to the area that first needed them.
 */
const areas = {
  admin: ['invoices', 'registrations', 'staff'],
  certificates: ['admin', 'evaluations', 'events', 'messages', 'organiser', 'registrations', 'staff'],
  checkin: ['admin', 'staff'],
  evaluations: ['admin', 'messages', 'organiser', 'registrations', 'staff'],
  events: ['admin', 'materials', 'messages', 'staff'],
  groups: ['admin', 'events', 'organiser', 'registrations', 'staff'],
  health: [],
  invoices: ['admin', 'messages', 'organiser', 'registrations', 'staff'],
  materials: ['admin', 'news', 'staff'],
  messages: ['admin', 'certificates', 'checkin', 'events', 'groups', 'invoices', 'organiser', 'registrations', 'staff'],
  news: ['admin', 'events', 'materials', 'organiser', 'staff'],
  organiser: ['admin', 'invoices', 'staff'],
  pages: ['events', 'news'],
  registrations: ['admin', 'certificates', 'checkin', 'events', 'groups', 'invoices', 'materials', 'messages', 'organiser', 'staff'],
  staff: ['admin', 'invoices'],
};

/** Folders and root files under src/ that are not areas. */
const foundation = ['lib', 'db', 'web', 'types', 'observability', 'config.ts', 'context.ts'];
const shell = ['app.ts', 'server.ts', 'cli.ts', 'bootstrap.ts', 'api', 'demo', 'web/messages'];

/** Arrows that must never be drawn, each with its own rule name. */
const never = [{ name: 'events-not-registrations', from: 'events', to: 'registrations', why: 'Registrations read events; events never import registrations.' }];

const names = Object.keys(areas);
const anyOf = (list) => `(${list.map((n) => n.replace(/\./g, '\\.')).join('|')})`;
/** A path under src/ for a folder or a root file. */
const under = (list) => `^src/${anyOf(list)}(/|$)`;
const AREA = under(names);
const SHELL = under(shell);

const areaArrows = names.map((name) => {
  const banned = never.filter((n) => n.from === name).map((n) => n.to);
  const other = names.filter((n) => n !== name && !areas[name].includes(n) && !banned.includes(n));
  return {
    name: 'area-arrows',
    comment: `${name} imports only the areas listed for it in .dependency-cruiser.cjs (a new arrow is a decision: add it there)`,
    severity: 'error',
    from: { path: under([name]) },
    to: { path: under(other) },
  };
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Modules do not import each other round in a circle (at run time).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'lib-is-the-floor',
      comment: 'lib/ imports nothing from src/ outside lib/.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'db-knows-no-area',
      comment: "db/ knows no area; db/schema.ts joins the areas' table types (*.table.ts) into DB.",
      severity: 'error',
      from: { path: '^src/db/', pathNot: '^src/db/schema\\.ts$' },
      to: { path: AREA },
    },
    {
      name: 'db-knows-no-area',
      comment: 'db/schema.ts takes only table types from the areas.',
      severity: 'error',
      from: { path: '^src/db/schema\\.ts$' },
      to: { path: AREA, pathNot: '\\.table\\.ts$' },
    },
    {
      name: 'web-knows-no-area',
      comment: 'web/ knows no area (web/messages/ assembles the catalogues and is shell).',
      severity: 'error',
      from: { path: '^src/web/', pathNot: SHELL },
      to: { path: AREA },
    },
    {
      name: 'foundation-knows-no-area',
      comment: 'types/, observability/, config.ts and context.ts know no area.',
      severity: 'error',
      from: { path: under(['types', 'observability', 'config.ts', 'context.ts']) },
      to: { path: AREA },
    },
    {
      name: 'nothing-imports-the-shell',
      comment: 'Areas and foundation do not import the shell.',
      severity: 'error',
      from: { path: `${AREA}|${under(foundation)}`, pathNot: `${SHELL}|^src/web/|\\.cli\\.ts$` },
      to: { path: SHELL },
    },
    {
      name: 'nothing-imports-the-shell',
      comment: 'web/ reads the assembled catalogues (web/messages/) and imports no other part of the shell.',
      severity: 'error',
      from: { path: '^src/web/', pathNot: SHELL },
      to: { path: SHELL, pathNot: '^src/web/messages/' },
    },
    {
      name: 'nothing-imports-the-shell',
      comment: 'An area command (*.cli.ts) opens the context through bootstrap.ts and imports no other part of the shell.',
      severity: 'error',
      from: { path: `${AREA}.*\\.cli\\.ts$` },
      to: { path: SHELL, pathNot: '^src/bootstrap\\.ts$' },
    },
    {
      name: 'no-cross-area-queries',
      comment: "Another area's queries come through its public index.ts.",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/.+\\.queries\\.ts$', pathNot: '^src/$1/' },
    },
    {
      name: 'no-cross-area-views',
      comment: "Another area's views come through its public index.ts.",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: `^src/${anyOf(names)}/(views/|.+/views/)`, pathNot: '^src/$1/' },
    },
    ...never.map((n) => ({ name: n.name, comment: n.why, severity: 'error', from: { path: under([n.from]) }, to: { path: under([n.to]) } })),
    ...areaArrows,
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};

/** The area model for scripts/architecture-diagram.mjs (dependency-cruiser ignores it). */
Object.defineProperty(module.exports, 'architecture', { value: { areas, never, foundation, shell }, enumerable: false });
