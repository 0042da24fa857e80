import { get } from 'node:http';
import {
  createTestDatabase,
  expectEventually,
  freePort,
  spawnService,
  waitForReady,
  type ServiceProcess,
} from '@qis/testing';

jest.setTimeout(300_000);

/** The process ids that answered requests, from the workers' request log lines (each names its pid). */
function servingPids(output: string): Set<number> {
  const pids = new Set<number>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { pid?: number; req?: unknown };
    if (entry.req && typeof entry.pid === 'number') pids.add(entry.pid);
  }
  return pids;
}

/** GET on a connection of its own: the primary hands each connection, not each request, to a worker. */
const statusOnNewConnection = (url: string): Promise<number | undefined> =>
  new Promise((resolve, reject) =>
    get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    }).on('error', reject),
  );

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('lab gateway in two worker processes (HTTP_WORKERS=2)', () => {
  let db: { name: string; drop(): Promise<void> };
  let service: ServiceProcess;

  beforeAll(async () => {
    db = await createTestDatabase('lab_gateway');
    service = spawnService('lab-gateway', {
      HTTP_PORT: String(await freePort()),
      DB_NAME: db.name,
      HTTP_WORKERS: '2',
      // Each worker would keep its own moved clock: the two do not go together.
      CLOCK_OVERRIDE_ENABLED: '',
      LOG_LEVEL: 'warn',
    });
    await waitForReady(service, 180_000);
  });

  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  it('answers on one port from two worker processes', async () => {
    // The second worker starts once the first listens: until then the first answers alone.
    const pids = await expectEventually(
      async () => {
        for (let i = 0; i < 6; i++) expect(await statusOnNewConnection(`${service.url}/labs`)).toBe(401);
        const seen = servingPids(service.output());
        expect(seen.size).toBe(2);
        return seen;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    expect(pids.has(service.child.pid as number)).toBe(false);
  });

  it('stops on SIGTERM: each worker closes, then the primary exits 0', async () => {
    const workers = [...servingPids(service.output())];
    expect(workers).toHaveLength(2);
    expect(await service.stop('SIGTERM')).toBe(0);
    for (const pid of workers) expect(alive(pid)).toBe(false);
    expect(service.output()).toMatch(/received SIGTERM, stopping 2 workers/);
  });

  it('refuses to start with a movable clock: each worker would keep its own', async () => {
    const refused = spawnService('lab-gateway', {
      HTTP_PORT: String(await freePort()),
      DB_NAME: db.name,
      HTTP_WORKERS: '2',
      CLOCK_OVERRIDE_ENABLED: 'true',
    });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(
      /HTTP_WORKERS="2" is invalid: .*must be 1 with CLOCK_OVERRIDE_ENABLED=true/,
    );
  });
});
