import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ObjectStoreConfig } from '@qis/config';
import { SERVICES, type ServiceName } from '@qis/contracts';
import { createObjectStoreClient, ensureEvidenceBucket } from '@qis/storage';
import { repoRoot } from './infra-env';
import { startOpensslTsa } from './openssl-tsa';
import { createTestDatabase } from './isolation';
import { freePort } from './free-port';
import { removeTestBucket } from './remove-test-bucket';
import { spawnService, waitForReady, type ServiceProcess } from './service-process';
import { TestIssuer } from './test-issuer';
import { ensureTestPrincipals } from './test-principals';

export const STAGE_SERVICES = SERVICES;
export type StageService = ServiceName;

/** The six built services as processes, each with its own database, on free ports, for a test. */
export interface ServiceStack {
  url: Record<StageService, string>;
  /** Each service's database name (on DB_HOST, reachable with DB_ADMIN_USER). */
  database: Record<StageService, string>;
  processes: ServiceProcess[];
  stop(): Promise<void>;
}

/**
 * Starts the six services from dist/ (build first) with the test issuer, a fresh evidence bucket
 * (GOVERNANCE lock, so the test can remove it) and the per-file topic prefix already in the env;
 * each logs in to Kafka as its own principal under that prefix (spawnService).
 * `extra` adds variables to every service (`all`) or one. Stop removes the processes, databases
 * and bucket, and keeps each service's log under test-artifacts/<artifacts>/.
 */
export async function startServiceStack(
  extra: Partial<Record<StageService | 'all', Record<string, string>>> = {},
  artifacts = 'pipeline',
): Promise<ServiceStack> {
  const bucket = `qis-test-pipe-${randomBytes(5).toString('hex')}`;
  const minio = createObjectStoreClient(
    Object.assign(new ObjectStoreConfig(), process.env) as ObjectStoreConfig,
  );
  await ensureEvidenceBucket(minio, bucket, {
    region: process.env['MINIO_REGION'] ?? 'us-east-1',
    retentionYears: 2,
    mode: 'GOVERNANCE',
  });
  const ports = Object.fromEntries(
    await Promise.all(STAGE_SERVICES.map(async (s) => [s, await freePort()] as const)),
  );
  const url = Object.fromEntries(STAGE_SERVICES.map((s) => [s, `http://127.0.0.1:${ports[s]}`])) as Record<
    StageService,
    string
  >;
  const evidenceUrl = { EVIDENCE_URL: url.evidence };
  // Evidence's custody checkpoints are stamped by a real RFC 3161 TSA (openssl ts), one per stack.
  const tsa = await startOpensslTsa();
  const defaults: Record<StageService, Record<string, string>> = {
    planning: {},
    purchasing: { ...evidenceUrl, PURCHASING_SCHEDULER_INTERVAL_MS: '1000' },
    evidence: {
      EVIDENCE_BUCKET: bucket,
      EVIDENCE_LOCK_MODE: 'GOVERNANCE',
      EVIDENCE_PART_SIZE_MB: '5',
      EVIDENCE_TSA_URL: tsa.url,
      EVIDENCE_TSA_CERT_FILE: tsa.certFile,
    },
    'lab-gateway': evidenceUrl,
    enforcement: {
      ...evidenceUrl,
      DEADLINE_SCAN_INTERVAL_MS: '3600000',
      SERVICE_TOKEN_PRIVATE_KEY_FILE: TestIssuer.shared().privateKeyFile,
    },
    disclosure: {},
  };
  const databases: Array<{ name: string; drop(): Promise<void> }> = [];
  const processes: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    // Each service's log, kept as a test artifact (errors carry the errorId a 500 answered with).
    const logs = path.join(repoRoot(), 'test-artifacts', artifacts, bucket);
    mkdirSync(logs, { recursive: true });
    for (const p of processes) writeFileSync(path.join(logs, `${p.name}.log`), p.output());
    for (const db of databases) await db.drop().catch(() => undefined);
    await removeTestBucket(minio, bucket);
    await tsa.stop();
  };
  try {
    // The six principals in one step, rather than one at each spawn.
    const prefix = extra.all?.['KAFKA_TOPIC_PREFIX'] ?? process.env['KAFKA_TOPIC_PREFIX'] ?? '';
    if (prefix) ensureTestPrincipals(prefix, STAGE_SERVICES);
    for (const name of STAGE_SERVICES) {
      const db = await createTestDatabase(name.replace('-', '_'));
      databases.push(db);
      processes.push(
        spawnService(name, {
          DB_NAME: db.name,
          HTTP_PORT: String(ports[name]),
          LOG_LEVEL: 'warn',
          ...defaults[name],
          ...extra.all,
          ...extra[name],
        }),
      );
    }
    await Promise.all(processes.map((p) => waitForReady(p, 180_000)));
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  const database = Object.fromEntries(
    STAGE_SERVICES.map((s, i) => [s, (databases[i] as { name: string }).name]),
  ) as Record<StageService, string>;
  return { url, database, processes, stop };
}
