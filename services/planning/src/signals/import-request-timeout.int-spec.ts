import { request, type Server } from 'node:http';
import { startTestService, type TestService } from '@qis/testing';
import { PlanningConfig } from '../planning.config';
import { planningService } from '../planning.definition';
import { listingRecord, toCsv } from '../test-support/planning-factories';
import { PLANNER } from '../test-support/planning-client';

/** Sends a CSV a line at a time, `pauseMs` apart; resolves with the status, or 'closed'. */
async function slowUpload(service: TestService<PlanningConfig>, lines: string[], pauseMs: number) {
  const headers = await service.auth(PLANNER);
  return new Promise<number | 'closed'>((resolve) => {
    const req = request(`${service.url}/listings/import`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve('closed'));
    void (async () => {
      for (const line of lines) {
        if (req.destroyed) return;
        req.write(`${line}\n`);
        await new Promise((r) => setTimeout(r, pauseMs));
      }
      req.end();
    })();
  });
}

describe('bulk import: how long an upload may take (HTTP_REQUEST_TIMEOUT_MS)', () => {
  let service: TestService<PlanningConfig>;

  beforeAll(async () => {
    service = await startTestService(planningService, { HTTP_REQUEST_TIMEOUT_MS: '2500' });
  });
  afterAll(async () => {
    await service?.stop();
  });

  const csvLines = (prefix: string, n: number) =>
    toCsv(Array.from({ length: n }, (_, i) => listingRecord(`${prefix}${i}`)))
      .trim()
      .split('\n');

  it('takes an upload that arrives within the limit', async () => {
    expect(await slowUpload(service, csvLines('T', 4), 300)).toBe(200);
  });

  it('holds its HTTP server to the setting, not to Node’s default 5 minutes', () => {
    // Node checks the limit every 30 s (connectionsCheckingInterval), too slowly for a test to
    // wait out: the server's own setting is what it enforces.
    expect((service.app.getHttpServer() as Server).requestTimeout).toBe(2_500);
  });

  it('lets the data pool’s bulk import run an hour by default, where services keep Node’s 5 minutes', () => {
    expect(new PlanningConfig().HTTP_REQUEST_TIMEOUT_MS).toBe(3_600_000);
  });
});
