/**
 * Where to go after login: a path inside /admin on this site, nothing else
 * (no other host, no protocol-relative //, no backslashes or control characters).
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/admin';
  if (!/^\/admin(?:[/?#]|$)/.test(value)) return '/admin';
  if (/[\\\u0000-\u001f\u007f]/.test(value) || value.includes('//')) return '/admin';
  return value;
}
