import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The lowest port a test hands to a server in another process. */
const LOWEST = 20_000;
/** Parallel jest workers each pick from their own slice of the range. */
const SLICES = 16;

/**
 * The kernel's ephemeral range's low bound: outgoing connections (a Kafka or PostgreSQL client's
 * socket) take their local port from that range, so a port below it cannot be taken by one.
 */
export function ephemeralLow(rangeFile = '/proc/sys/net/ipv4/ip_local_port_range'): number {
  try {
    const low = Number(readFileSync(rangeFile, 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 0 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

/** This worker's ports: [from, to). Workers are numbered from 1 (`JEST_WORKER_ID`). */
export function portSlice(worker: number, low = LOWEST, high = ephemeralLow()): { from: number; to: number } {
  const size = Math.floor((high - low) / SLICES);
  if (size < 16) throw new Error(`no room for test ports below the ephemeral range (${low}–${high})`);
  const from = low + ((((worker - 1) % SLICES) + SLICES) % SLICES) * size;
  return { from, to: from + size };
}

const canListen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

const handedOut = new Set<number>();

/**
 * A port for a server that another process will bind (a service, a broker, a database), free now.
 *
 * A port the kernel picks (`listen(0)`) comes from the ephemeral range, so between closing the probe
 * and the other process's bind, any outgoing connection of any process may take it: a fresh-clone
 * run lost planning's start to `EADDRINUSE` that way. This picks below that range, from the jest
 * worker's own slice (so parallel workers never race for one), never the same port twice in a
 * process, and only a port that can be bound right now.
 */
export async function freePort(): Promise<number> {
  const { from, to } = portSlice(Number(process.env['JEST_WORKER_ID'] ?? '1') || 1);
  const size = to - from;
  const start = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    const port = from + ((start + i) % size);
    if (handedOut.has(port)) continue;
    // Taken before the probe, so that a call running alongside (Promise.all) skips it.
    handedOut.add(port);
    if (await canListen(port)) return port;
    handedOut.delete(port);
  }
  throw new Error(`no free test port in ${from}–${to - 1}`);
}
