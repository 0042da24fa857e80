import { randomBytes } from 'node:crypto';
import { ObjectStoreConfig } from '@qis/config';
import { createObjectStoreClient, ensureEvidenceBucket } from '@qis/storage';
import { removeTestBucket } from './remove-test-bucket';

/** On the real MinIO: a locked, versioned bucket with more versions than one listing page holds. */
describe('removeTestBucket', () => {
  const minio = createObjectStoreClient(
    Object.assign(new ObjectStoreConfig(), process.env) as ObjectStoreConfig,
  );

  it('removes every version past the first listing page (keys with slashes), then the bucket', async () => {
    const bucket = `qis-test-rm-${randomBytes(5).toString('hex')}`;
    await ensureEvidenceBucket(minio, bucket, {
      region: process.env['MINIO_REGION'] ?? 'us-east-1',
      retentionYears: 1,
      mode: 'GOVERNANCE',
    });
    // 1,050 objects, 30 of them with a second version: 1,080 versions, two pages of 1,000.
    for (let i = 0; i < 1_050; i += 50)
      await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          minio.putObject(
            bucket,
            `HZ2026-${String(i + j).padStart(6, '0')}/photo/${i + j}.bin`,
            Buffer.from('x'),
          ),
        ),
      );
    for (let i = 0; i < 30; i++)
      await minio.putObject(bucket, `HZ2026-${String(i).padStart(6, '0')}/photo/${i}.bin`, Buffer.from('y'));

    await removeTestBucket(minio, bucket);
    expect(await minio.bucketExists(bucket)).toBe(false);
  }, 120_000);
});
