import { randomBytes } from 'node:crypto';
import { createObjectStoreClient, ensureEvidenceBucket } from '@qis/storage';
import { removeTestBucket } from '@qis/testing';
import type { Client } from 'minio';
import { EvidenceConfig } from '../evidence.config';
import { EvidenceStore } from './evidence-store';
import { RetentionNotConfirmed } from './retention-not-confirmed';

/** Object lock on, no default retention (minio-js types leave out its empty form). */
const NO_DEFAULT_RETENTION = {} as Parameters<Client['setObjectLockConfig']>[1];

/**
 * Issue 22 item 5 on the real MinIO: reading a stored version's retention never swallows a failure.
 * A version whose retention cannot be read, or is shorter than the retention years, is an explicit
 * RetentionNotConfirmed (a 503 naming `retention` where a request meets it), never "no retention".
 */
describe('the evidence store reads retention strictly', () => {
  let minio: Client;
  let store: EvidenceStore;
  let bucket: string;

  beforeAll(async () => {
    bucket = `qis-test-ret-${randomBytes(5).toString('hex')}`;
    const config = Object.assign(new EvidenceConfig(), process.env, {
      EVIDENCE_BUCKET: bucket,
      EVIDENCE_LOCK_MODE: 'GOVERNANCE',
    }) as EvidenceConfig;
    minio = createObjectStoreClient(config);
    await ensureEvidenceBucket(minio, bucket, {
      region: process.env['MINIO_REGION'] ?? 'us-east-1',
      retentionYears: 2,
      mode: 'GOVERNANCE',
    });
    store = new EvidenceStore(minio, config);
  });
  afterAll(() => removeTestBucket(minio, bucket));

  const putWith = async (lock: Parameters<Client['setObjectLockConfig']>[1]) => {
    await minio.setObjectLockConfig(bucket, lock);
    const key = `retention/${randomBytes(4).toString('hex')}.pdf`;
    return { key, versionId: await store.putSmall(key, Buffer.from('%PDF-1.7 test'), 'application/pdf') };
  };

  it('confirms a version retained in the lock mode for two years', async () => {
    const { key, versionId } = await putWith({ mode: 'GOVERNANCE', unit: 'Years', validity: 2 });
    const stored = await store.stat(key, versionId);
    expect(stored.versionId).toBe(versionId);
    expect(stored.retainUntil.getTime()).toBeGreaterThan(Date.now() + 729 * 24 * 3600 * 1000);
  });

  it('says it could not confirm the retention of a version that has none', async () => {
    const { key, versionId } = await putWith(NO_DEFAULT_RETENTION);
    const read = store.stat(key, versionId);
    await expect(read).rejects.toBeInstanceOf(RetentionNotConfirmed);
    await expect(read).rejects.toThrow(/could not be read/);
    await expect(read).rejects.toMatchObject({
      response: { statusCode: 503, errors: [{ field: 'retention' }] },
    });
  });

  it('refuses a version retained for less than two years', async () => {
    const { key, versionId } = await putWith({ mode: 'GOVERNANCE', unit: 'Days', validity: 1 });
    await expect(store.stat(key, versionId)).rejects.toThrow(/needs 2 years/);
    // Its existence and size are still readable, apart from retention.
    expect(await store.versionOf(key, versionId)).toMatchObject({ versionId, size: 13 });
  });
});
