/** @deprecated Moved to web/admin/ForbiddenPage.tsx; this forward goes once no file imports it. */
export { ForbiddenPage } from '../../web/admin/ForbiddenPage.js';
