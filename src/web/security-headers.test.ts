import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { helmetHeaders, registerSecurityHeaders } from './security-headers.js';

const options = {
  contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } },
  crossOriginResourcePolicy: { policy: 'same-site' as const },
};

describe('security headers', () => {
  it('are the headers @fastify/helmet sets with the same options', async () => {
    const headers = new Map(await helmetHeaders(options));
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('cross-origin-resource-policy')).toBe('same-site');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.has('content-type')).toBe(false);
  });

  it('are set on every response, errors included', async () => {
    const app = Fastify();
    await registerSecurityHeaders(app, options);
    app.get('/', async () => 'ok');
    for (const url of ['/', '/nowhere']) {
      const response = await app.inject(url);
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
    await app.close();
  });
});
