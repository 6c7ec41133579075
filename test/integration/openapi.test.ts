import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

describe('the OpenAPI document', () => {
  const t = useTestApp('sqlite');

  it('describes the API and nothing else, generated from the request schemas', async () => {
    const res = await t.current.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, { tags?: string[]; parameters?: unknown[] }>> }>();
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/events', '/api/v1/events/{slug}', '/api/v1/articles', '/api/v1/articles/{slug}', '/api/v1/events/{slug}/registrations', '/api/v1/events/{slug}/group-plans', '/api/v1/events/{slug}/group-plans/{planId}']));
    expect(JSON.stringify(doc.paths['/api/v1/events/{slug}/group-plans']!.post)).toContain('groupSize');
    for (const path of paths) {
      expect(path.startsWith('/api/v1/'), path).toBe(true);
      for (const operation of Object.values(doc.paths[path]!)) expect(operation.tags?.length, path).toBeGreaterThan(0);
    }
    const catalogueParams = JSON.stringify(doc.paths['/api/v1/events']!.get!.parameters);
    for (const name of ['q', 'type', 'theme', 'month', 'place', 'free', 'page']) expect(catalogueParams).toContain(`"${name}"`);
  });
});
