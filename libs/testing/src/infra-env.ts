import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';

/** The variables a service reads to reach the infrastructure (see libs/config). */
export const INFRA_VARIABLES = [
  'DB_HOST',
  'DB_PORT',
  'DB_USER',
  'DB_PASSWORD',
  'DB_ADMIN_USER',
  'DB_ADMIN_PASSWORD',
  'DB_MIGRATION_USER',
  'DB_MIGRATION_PASSWORD',
  'KAFKA_BROKERS',
  // The harness's Kafka principal (qis-admin locally); each service process gets its own instead.
  'KAFKA_SASL_MECHANISM',
  'KAFKA_SASL_USERNAME',
  'KAFKA_SASL_PASSWORD',
  'MINIO_ENDPOINT',
  'MINIO_ACCESS_KEY',
  'MINIO_SECRET_KEY',
  'MINIO_REGION',
  'AUTH_PUBLIC_KEY_FILE',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  // The console's Keycloak and its bootstrap admin (tests make realms of their own).
  'KEYCLOAK_URL',
  'KEYCLOAK_ADMIN_USER',
  'KEYCLOAK_ADMIN_PASSWORD',
] as const;

export type InfraEnv = Record<(typeof INFRA_VARIABLES)[number], string>;

/** The workspace root (the folder with nx.json), from the sources or from dist/. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/** Parses `KEY=value` lines. */
export function parseEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** What the local infra script would give the services (its ports and the per-user credentials). */
export function localInfraEnv(extra: Record<string, string> = {}): Record<string, string> {
  const text = execFileSync('bash', [path.join(repoRoot(), 'deploy/local/infra.sh'), 'env'], {
    encoding: 'utf8',
    env: { ...process.env, ...extra },
  });
  return parseEnv(text);
}

export function tcpReachable(host: string, port: number, timeoutMs = 1_500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** host:port of each server, for reachability checks. */
export function endpoints(env: Record<string, string>): Array<{ name: string; host: string; port: number }> {
  const [kHost, kPort] = env['KAFKA_BROKERS'].split(',')[0].split(':');
  const minio = new URL(env['MINIO_ENDPOINT']);
  return [
    { name: 'PostgreSQL', host: env['DB_HOST'], port: Number(env['DB_PORT']) },
    { name: 'Kafka', host: kHost, port: Number(kPort) },
    { name: 'MinIO', host: minio.hostname, port: Number(minio.port || 80) },
  ];
}
