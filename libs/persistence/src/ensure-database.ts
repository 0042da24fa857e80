import { Client } from 'pg';

export interface PgServer {
  host: string;
  port: number;
  user: string;
  password: string;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** Creates the database when it does not exist yet (idempotent, safe to race). */
export async function ensureDatabase(server: PgServer, name: string): Promise<void> {
  if (!IDENT.test(name)) throw new Error(`invalid database name ${JSON.stringify(name)}`);
  const client = new Client({ ...server, database: 'postgres', connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`create database "${name}"`).catch((error: { code?: string }) => {
        // 42P04 duplicate_database, 23505 unique_violation: another process created it first.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/** Drops a database, closing the connections still open on it. */
export async function dropDatabase(server: PgServer, name: string): Promise<void> {
  if (!IDENT.test(name)) throw new Error(`invalid database name ${JSON.stringify(name)}`);
  const client = new Client({ ...server, database: 'postgres', connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
