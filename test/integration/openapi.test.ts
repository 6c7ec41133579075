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
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/events',
        '/api/v1/events/{slug}',
        '/api/v1/articles',
        '/api/v1/articles/{slug}',
        '/api/v1/events/{slug}/registrations',
        '/api/v1/events/{slug}/group-plans',
        '/api/v1/events/{slug}/group-plans/{planId}',
      ]),
    );
    expect(JSON.stringify(doc.paths['/api/v1/events/{slug}/group-plans']!.post)).toContain('groupSize');
    for (const path of paths) {
      expect(path.startsWith('/api/v1/'), path).toBe(true);
      for (const operation of Object.values(doc.paths[path]!)) expect(operation.tags?.length, path).toBeGreaterThan(0);
    }
    const catalogueParams = JSON.stringify(doc.paths['/api/v1/events']!.get!.parameters);
    for (const name of ['q', 'type', 'theme', 'month', 'place', 'free', 'page']) expect(catalogueParams).toContain(`"${name}"`);
  });

  it('says which sign-up fields are required when: the payer unless the event is free', async () => {
    type Schema = { $ref?: string; required?: string[]; properties?: Record<string, { description?: string }> };
    const doc = (await t.current.app.inject('/api/openapi.json')).json<{
      paths: Record<string, Record<string, { description?: string; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
      components?: { schemas?: Record<string, Schema> };
    }>();
    const signup = doc.paths['/api/v1/events/{slug}/registrations']!.post!;
    expect(signup.description).toContain('payer unless the event is free');
    let body = signup.requestBody!.content['application/json']!.schema;
    if (body.$ref) body = doc.components!.schemas![body.$ref.split('/').pop()!]!;
    expect(body.required).toEqual(expect.arrayContaining(['participants', 'acceptTerms']));
    expect(body.required).not.toContain('payer');
    expect(body.properties!.payer!.description).toMatch(/^Who pays\. Required unless the event is free/);
  });
});
