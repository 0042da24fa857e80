import { randomUUID } from 'node:crypto';
import {
  expectEventually,
  openTransactions,
  pgAdminFromEnv,
  startHeldHttpServer,
  startTestService,
  type HeldHttpServer,
  type TestService,
} from '@qis/testing';
import { Client } from 'pg';
import type { LabGatewayConfig } from '../lab-gateway.config';
import { labGatewayService } from '../lab-gateway.definition';
import { LabGatewayHarness } from '../testing/lab-gateway-harness';

jest.setTimeout(120_000);

/**
 * The evidence service is asked about a report's PDF before any transaction opens: a slow answer
 * must not keep the assignment row locked, nor a session idle in a transaction. The evidence
 * service's HTTP API is played by a server that holds its answer; PostgreSQL and Kafka are real.
 */
describe("a report's document verified outside the transaction (real PostgreSQL and Kafka)", () => {
  let evidence: HeldHttpServer;
  let service: TestService<LabGatewayConfig>;
  let gw: LabGatewayHarness;
  let batchNumber = '';

  beforeAll(async () => {
    evidence = await startHeldHttpServer(() => ({
      status: 200,
      body: { kind: 'lab-report', status: 'stored', batchNumber },
    }));
    service = await startTestService(labGatewayService, { EVIDENCE_URL: evidence.url });
    gw = new LabGatewayHarness(service);
  });
  afterAll(async () => {
    await gw?.close();
    await service?.stop();
    await evidence?.stop();
  });

  /** Locks the row at once or fails (55P03) if someone holds it. */
  const lockNowait = async (sql: string, params: unknown[]): Promise<void> => {
    const pg = new Client({ ...pgAdminFromEnv(), database: service.database });
    await pg.connect();
    try {
      await pg.query('begin');
      await pg.query(`${sql} for update nowait`, params);
    } finally {
      await pg.query('rollback').catch(() => undefined);
      await pg.end();
    }
  };

  it('holds no row lock and no idle transaction while the evidence service answers slowly', async () => {
    const { auth, dispatch } = await gw.acceptedAssignment();
    batchNumber = dispatch.batchNumber;
    const report = gw.validReport(dispatch.sampleCode);
    const key = randomUUID();
    const submitted = gw.post(`/v1/assignments/${dispatch.id}/reports`, auth, report, key);

    // The evidence call has been waiting for its answer a while.
    await expectEventually(() => {
      expect(evidence.requests).toHaveLength(1);
      expect(Date.now() - evidence.requests[0].arrivedAt).toBeGreaterThan(600);
    });
    const idle = (await openTransactions(service.database)).filter(
      (t) => t.state.startsWith('idle in transaction') && t.idleMs > 250,
    );
    expect(idle).toEqual([]);
    await expect(
      lockNowait('select 1 from assignment where id = $1', [dispatch.id]),
    ).resolves.toBeUndefined();

    evidence.release();
    const answer = await submitted;
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ documentVerification: 'verified', batchNumber });

    // A retry under the same key is the stored answer, without asking the evidence service again.
    const retry = await gw.post(`/v1/assignments/${dispatch.id}/reports`, auth, report, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(evidence.requests).toHaveLength(1);
  });
});
