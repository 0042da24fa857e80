import type { ServiceConfig } from '@qis/config';
import type { ServiceDefinition } from '@qis/runtime';
import { startTestService, type TestService } from './test-service';

/**
 * What every stage service promises, checked on the real servers: it boots as a hybrid app with
 * health, OpenAPI, request ids and the common error shape, and its migrations ran.
 */
export function describeServiceBasics<C extends ServiceConfig>(def: ServiceDefinition<C>): void {
  describe(`${def.name} service basics`, () => {
    let service: TestService<C>;

    beforeAll(async () => {
      service = await startTestService(def);
    });
    afterAll(async () => {
      await service?.stop();
    });

    it('is live, and ready once started (topics, consumer) with its database and Kafka reachable', async () => {
      expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${service.url}/health/ready`);
      const body = (await ready.json()) as { status: string; details: Record<string, { status: string }> };
      expect(ready.status).toBe(200);
      expect(body.status).toBe('ok');
      expect(body.details['database'].status).toBe('up');
      expect(body.details['kafka'].status).toBe('up');
      expect(body.details['startup'].status).toBe('up');
    });

    it('serves its OpenAPI document at /docs-json and the UI at /docs', async () => {
      const json = await fetch(`${service.url}/docs-json`);
      expect(json.status).toBe(200);
      const doc = (await json.json()) as {
        openapi: string;
        info: { title: string };
        paths: Record<string, unknown>;
      };
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.info.title).toBe(def.title);
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
      expect((await fetch(`${service.url}/docs`)).status).toBe(200);
    });

    it('echoes the caller request id and answers errors as JSON naming it', async () => {
      const res = await fetch(`${service.url}/no-such-route`, {
        headers: { 'x-request-id': 'req-test-0001' },
      });
      expect(res.status).toBe(404);
      expect(res.headers.get('x-request-id')).toBe('req-test-0001');
      expect(await res.json()).toMatchObject({ statusCode: 404, requestId: 'req-test-0001' });
    });

    it('makes a request id when the caller sends none', async () => {
      const res = await fetch(`${service.url}/health/live`);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('ran its migrations at start', async () => {
      const { Client } = await import('pg');
      const client = new Client({
        host: service.config.DB_HOST,
        port: service.config.DB_PORT,
        user: service.config.DB_USER,
        password: service.config.DB_PASSWORD,
        database: service.database,
      });
      await client.connect();
      try {
        const rows = await client.query<{ name: string }>('select name from schema_migrations');
        expect(rows.rows.map((r) => r.name)).toContain('CreateOpsProbeReceipt1763800000000');
      } finally {
        await client.end();
      }
    });
  });
}
