import { connect, type Socket } from 'node:net';
import { startTestService, type TestService } from '@qis/testing';
import type { PlanningConfig } from './planning.config';
import { planningService } from './planning.definition';

jest.setTimeout(60_000);

const LIVE = 'GET /health/live HTTP/1.1\r\nHost: qis\r\nConnection: keep-alive\r\n\r\n';

/** A raw connection to the service: what was received so far, and whether the service closed it. */
async function open(service: TestService<PlanningConfig>) {
  const { port } = new URL(service.url);
  const socket: Socket = connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const state = { received: '', closed: false };
  socket.on('data', (chunk: Buffer) => (state.received += chunk.toString('latin1')));
  socket.on('end', () => (state.closed = true));
  socket.on('close', () => (state.closed = true));
  socket.on('error', () => (state.closed = true));
  const answers = () => state.received.match(/HTTP\/1\.1 \d{3}/g) ?? [];
  const until = async (check: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return check();
  };
  return { socket, state, answers, until };
}

describe('kept-alive HTTP connections (HTTP_KEEP_ALIVE_TIMEOUT_MS)', () => {
  let service: TestService<PlanningConfig>;

  beforeAll(async () => {
    service = await startTestService(planningService);
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('keeps an idle connection open past Node’s 5 s, so a proxy or a lab’s client pool can send on it again', async () => {
    const c = await open(service);
    c.socket.write(LIVE);
    expect(await c.until(() => c.answers().length === 1, 5_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 6_000));
    expect(c.state.closed).toBe(false);
    c.socket.write(LIVE);
    expect(await c.until(() => c.answers().length === 2, 5_000)).toBe(true);
    expect(c.answers()).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
    c.socket.destroy();
  });

  it('answers a request in flight at shutdown, then closes its connection instead of keeping it a minute', async () => {
    const own = await startTestService(planningService);
    const c = await open(own);
    c.socket.write(LIVE.slice(0, 20)); // the request has begun: not an idle connection
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const stopped = own.stop();
    await new Promise((r) => setTimeout(r, 300));
    c.socket.write(LIVE.slice(20));
    expect(await c.until(() => c.answers().length === 1, 5_000)).toBe(true);
    expect(await c.until(() => c.state.closed, 10_000)).toBe(true);
    await stopped;
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
