import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { pgAdminFromEnv } from './isolation';

/** One request the server holds: when it came and where it went. */
export interface HeldRequest {
  method: string;
  path: string;
  arrivedAt: number;
}

export interface HeldHttpServer {
  url: string;
  /** Requests received so far, answered or still held. */
  readonly requests: readonly HeldRequest[];
  /** Answers every held request (and every later one at once, until `hold`). */
  release(): void;
  /** Holds the requests that come from now on, until `release`. */
  hold(): void;
  stop(): Promise<void>;
}

/**
 * A stand-in for another service's HTTP API (the evidence service's `GET /evidence/objects/{id}`)
 * that holds every request until the test releases it, so the test can look at what the calling
 * service holds meanwhile. Only that HTTP API is played; PostgreSQL, Kafka and MinIO stay real.
 */
export async function startHeldHttpServer(
  answer: (req: HeldRequest) => { status: number; body: unknown },
): Promise<HeldHttpServer> {
  const requests: HeldRequest[] = [];
  const held: Array<() => void> = [];
  let released = false;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const request = { method: req.method ?? 'GET', path: req.url ?? '/', arrivedAt: Date.now() };
    requests.push(request);
    const reply = () => {
      const { status, body } = answer(request);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (released) reply();
    else held.push(reply);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    release: () => {
      released = true;
      for (const reply of held.splice(0)) reply();
    },
    hold: () => {
      released = false;
    },
    stop: async () => {
      released = true;
      for (const reply of held.splice(0)) reply();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A transaction of a database's sessions, as PostgreSQL reports it. */
export interface OpenTransaction {
  pid: number;
  state: string;
  idleMs: number;
  locks: string[];
  query: string;
}

/**
 * The transactions open in `database` (other than the caller's), with how long each has been idle
 * and the relation locks it holds: what a service keeps while it waits for something else.
 */
export async function openTransactions(database: string): Promise<OpenTransaction[]> {
  const pg = new Client({ ...pgAdminFromEnv(), database });
  await pg.connect();
  try {
    const { rows } = await pg.query<OpenTransaction>(
      `select a.pid, a.state, floor(extract(epoch from now() - a.state_change) * 1000)::int as "idleMs", a.query,
              coalesce(array_agg(l.relation::regclass::text || ' ' || l.mode) filter (where l.relation is not null
                and l.relation::regclass::text not like 'pg\\_%'), '{}') as locks
         from pg_stat_activity a left join pg_locks l on l.pid = a.pid
        where a.datname = $1 and a.xact_start is not null and a.pid <> pg_backend_pid()
        group by a.pid, a.state, a.state_change, a.query`,
      [database],
    );
    return rows;
  } finally {
    await pg.end();
  }
}
