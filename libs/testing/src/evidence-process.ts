import { randomBytes } from 'node:crypto';
import { ObjectStoreConfig } from '@qis/config';
import { createObjectStoreClient, ensureEvidenceBucket } from '@qis/storage';
import { createTestDatabase } from './isolation';
import { freePort } from './free-port';
import { removeTestBucket } from './remove-test-bucket';
import { spawnService, waitForReady, type ServiceProcess } from './service-process';

export interface EvidenceProcess {
  process: ServiceProcess;
  url: string;
  /** Stops the service, drops its database, empties and removes its bucket. */
  stop(): Promise<void>;
}

/**
 * The built evidence service as its own process, on a database and a fresh bucket of its own
 * (real MinIO; GOVERNANCE lock so the test can clean up), trusting the test issuer: for tests
 * of services that check evidence there over HTTP.
 */
export async function startEvidenceProcess(env: Record<string, string> = {}): Promise<EvidenceProcess> {
  const minio = createObjectStoreClient(
    Object.assign(new ObjectStoreConfig(), process.env) as ObjectStoreConfig,
  );
  const bucket = `qis-test-ev-${randomBytes(5).toString('hex')}`;
  await ensureEvidenceBucket(minio, bucket, {
    region: process.env['MINIO_REGION'] ?? 'us-east-1',
    retentionYears: 2,
    mode: 'GOVERNANCE',
  });
  const db = await createTestDatabase('evidence');
  const service = spawnService('evidence', {
    DB_NAME: db.name,
    HTTP_PORT: String(await freePort()),
    EVIDENCE_BUCKET: bucket,
    EVIDENCE_LOCK_MODE: 'GOVERNANCE',
    ...env,
  });
  const stop = async () => {
    await service.stop();
    await db.drop();
    await removeTestBucket(minio, bucket);
  };
  try {
    await waitForReady(service);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { process: service, url: service.url, stop };
}
