import type { ObjectStoreConfig } from '@qis/config';
import { Client, type ObjectLockInfo } from 'minio';

/** A MinIO / S3 client from config. The region is set so no request has to discover it. */
export function createObjectStoreClient(config: ObjectStoreConfig): Client {
  const url = new URL(config.MINIO_ENDPOINT);
  const useSSL = url.protocol === 'https:';
  return new Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey: config.MINIO_ACCESS_KEY,
    secretKey: config.MINIO_SECRET_KEY,
    region: config.MINIO_REGION,
  });
}

export interface EvidenceBucketOptions {
  region: string;
  /** Default retention; the rules require at least two years of evidence retention. */
  retentionYears: number;
  /** COMPLIANCE in production: nobody, not even root, shortens it. GOVERNANCE only for throwaway test buckets. */
  mode: 'COMPLIANCE' | 'GOVERNANCE';
}

export const MIN_RETENTION_YEARS = 2;

/**
 * Creates an evidence bucket: object lock (which also turns versioning on) with a default
 * retention, and server-side encryption of every object. Object lock can only be enabled when a
 * bucket is created, so an existing bucket without it is refused rather than silently used.
 */
export async function ensureEvidenceBucket(
  client: Client,
  bucket: string,
  options: EvidenceBucketOptions,
): Promise<void> {
  if (options.mode === 'COMPLIANCE' && options.retentionYears < MIN_RETENTION_YEARS) {
    throw new Error(
      `evidence retention must be at least ${MIN_RETENTION_YEARS} years, got ${options.retentionYears}`,
    );
  }
  if (!(await client.bucketExists(bucket))) {
    await client
      .makeBucket(bucket, options.region, { ObjectLocking: true })
      .catch((error: { code?: string }) => {
        if (error.code !== 'BucketAlreadyOwnedByYou' && error.code !== 'BucketAlreadyExists') throw error;
      });
  }
  const lock = await (client.getObjectLockConfig(bucket) as unknown as Promise<ObjectLockInfo>).catch(
    () => undefined,
  );
  if (!lock || !('objectLockEnabled' in lock) || lock.objectLockEnabled !== 'Enabled') {
    throw new Error(
      `bucket ${bucket} exists without object lock; evidence needs a bucket created with object lock`,
    );
  }
  await client.setObjectLockConfig(bucket, {
    mode: options.mode,
    unit: 'Years',
    validity: options.retentionYears,
  });
  await client.setBucketEncryption(bucket, {
    Rule: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
  });
}

/**
 * Creates the staging bucket uploads land in before they are verified: no object lock (a refused
 * or abandoned upload is deleted), server-side encryption, and a lifecycle rule that expires
 * whatever is left after `expiryDays`. A staging bucket with object lock is refused: nothing there
 * should outlive its verification.
 */
export async function ensureStagingBucket(
  client: Client,
  bucket: string,
  options: { region: string; expiryDays: number },
): Promise<void> {
  if (!(await client.bucketExists(bucket))) {
    await client.makeBucket(bucket, options.region).catch((error: { code?: string }) => {
      if (error.code !== 'BucketAlreadyOwnedByYou' && error.code !== 'BucketAlreadyExists') throw error;
    });
  }
  const lock = await (client.getObjectLockConfig(bucket) as unknown as Promise<ObjectLockInfo>).catch(
    () => undefined,
  );
  if (lock && 'objectLockEnabled' in lock && lock.objectLockEnabled === 'Enabled') {
    throw new Error(`staging bucket ${bucket} has object lock; uploads are staged in an unlocked bucket`);
  }
  await client.setBucketEncryption(bucket, {
    Rule: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
  });
  await client.setBucketLifecycle(bucket, {
    Rule: [
      {
        ID: 'expire-unfinalized-uploads',
        Status: 'Enabled',
        Filter: { Prefix: '' },
        Expiration: { Days: options.expiryDays },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: options.expiryDays },
      },
    ],
  });
}
