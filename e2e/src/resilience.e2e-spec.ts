import {
  expectEventually,
  freePort,
  PrivateInfra,
  spawnService,
  TestIssuer,
  waitForReady,
  type ServerName,
  type ServiceProcess,
} from '@qis/testing';

type Readiness = { status: number; body: { error?: Record<string, unknown> } };

/**
 * Stops each server under a running service and brings it back: the service reports not-ready
 * (503) while it is away and ready again afterwards, without a restart. Runs on a private set of
 * servers so the shared ones (and the other suites) are not disturbed.
 */
describe('a service when a server goes away and comes back', () => {
  let infra: PrivateInfra;
  let evidence: ServiceProcess;

  const readiness = async (): Promise<Readiness> => {
    const res = await fetch(`${evidence.url}/health/ready`);
    return { status: res.status, body: (await res.json()) as Readiness['body'] };
  };

  beforeAll(async () => {
    infra = await PrivateInfra.create();
    await infra.start('postgres');
    await infra.start('kafka');
    await infra.start('minio');
    evidence = spawnService('evidence', {
      ...infra.env,
      // Trust the test issuer rather than the private infra's development key.
      ...TestIssuer.shared().env,
      KAFKA_TOPIC_PREFIX: '',
      DB_NAME: 'qis_evidence',
      HTTP_PORT: String(await freePort()),
      EVIDENCE_BUCKET: 'qis-evidence-resilience',
    });
    await waitForReady(evidence, 90_000);
  }, 300_000);

  afterAll(async () => {
    await evidence?.stop('SIGKILL');
    await infra?.destroy();
  }, 120_000);

  const cases: Array<[ServerName, string]> = [
    ['postgres', 'database'],
    ['kafka', 'kafka'],
    ['minio', 'objectStore'],
  ];

  it.each(cases)(
    'turns not-ready while %s is down and recovers when it is back',
    async (server, check) => {
      const pid = evidence.child.pid;
      await infra.stop(server);
      const down = await expectEventually(async () => {
        const r = await readiness();
        expect(r.status).toBe(503);
        return r;
      });
      expect(Object.keys(down.body.error ?? {})).toContain(check);

      await infra.start(server);
      await expectEventually(async () => expect((await readiness()).status).toBe(200), { timeoutMs: 60_000 });
      expect(evidence.child.exitCode).toBeNull();
      expect(evidence.child.pid).toBe(pid);
    },
    180_000,
  );

  // The consumer rejoins its group after the broker's restart: on a loaded machine that took over
  // 60 s once (a fresh-clone run of the whole suite), so it has two minutes.
  it('consumes again after the broker came back', async () => {
    const admin = await TestIssuer.shared().headers({ roles: ['admin'] });
    const sent = await fetch(`${evidence.url}/ops/probes`, { method: 'POST', headers: admin });
    expect(sent.status).toBe(202);
    const { probeId } = (await sent.json()) as { probeId: string };
    await expectEventually(
      async () =>
        expect((await fetch(`${evidence.url}/ops/probes/${probeId}`, { headers: admin })).status).toBe(200),
      {
        timeoutMs: 120_000,
      },
    );
  }, 150_000);
});
