/** @deprecated Moved to web/admin/parts.tsx; this forward goes once no file imports it. */
export { Errors, titleWithErrors } from '../../web/admin/parts.js';
