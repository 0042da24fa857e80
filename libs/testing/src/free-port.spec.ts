import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ephemeralLow, freePort, portSlice } from './free-port';

describe('freePort: a port for a server in another process', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reads the ephemeral range from the kernel, and assumes 32768 when it cannot', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ports-'));
    writeFileSync(path.join(dir, 'range'), '40000\t60999\n');
    expect(ephemeralLow(path.join(dir, 'range'))).toBe(40_000);
    expect(ephemeralLow(path.join(dir, 'missing'))).toBe(32_768);
  });

  it('gives each jest worker its own slice, all of it below the ephemeral range', () => {
    const slices = Array.from({ length: 16 }, (_, i) => portSlice(i + 1, 20_000, 32_768));
    for (const [i, s] of slices.entries()) {
      expect(s.from).toBeGreaterThanOrEqual(20_000);
      expect(s.to).toBeLessThanOrEqual(32_768);
      if (i > 0) expect(s.from).toBeGreaterThanOrEqual(slices[i - 1]!.to);
    }
    expect(portSlice(17, 20_000, 32_768)).toEqual(slices[0]);
  });

  it('never hands out a port an outgoing connection could take, nor one twice', async () => {
    const low = ephemeralLow();
    const { from, to } = portSlice(Number(process.env['JEST_WORKER_ID'] ?? '1') || 1);
    const ports = await Promise.all(Array.from({ length: 40 }, () => freePort()));
    expect(new Set(ports).size).toBe(40);
    for (const port of ports) {
      expect(port).toBeLessThan(low);
      expect(port).toBeGreaterThanOrEqual(from);
      expect(port).toBeLessThan(to);
    }
  });

  it('skips a port something is listening on', async () => {
    const { from } = portSlice(Number(process.env['JEST_WORKER_ID'] ?? '1') || 1);
    // Start the search at the slice's first port, which is in use (or, if another run holds it
    // already, the test's point stands the same).
    const held: Server = createServer();
    await new Promise<void>((resolve) => {
      held.once('error', () => resolve());
      held.listen(from, '127.0.0.1', resolve);
    });
    try {
      jest.spyOn(Math, 'random').mockReturnValue(0);
      const port = await freePort();
      expect(port).not.toBe(from);
      await new Promise<void>((resolve, reject) => {
        const s = createServer().once('error', reject);
        s.listen(port, '127.0.0.1', () => s.close(() => resolve()));
      });
    } finally {
      await new Promise<void>((resolve) => (held.listening ? held.close(() => resolve()) : resolve()));
    }
  });
});
