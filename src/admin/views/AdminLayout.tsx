/** @deprecated The back-office shell moved to web/admin/AdminLayout.tsx; this forward goes once no file imports it. */
export { AdminLayout } from '../../web/admin/AdminLayout.js';
