export { ObjectStoreHealthIndicator } from './object-store-health.indicator';
export {
  createObjectStoreClient,
  ensureEvidenceBucket,
  ensureStagingBucket,
  MIN_RETENTION_YEARS,
  type EvidenceBucketOptions,
} from './object-store';
export { checksumHeaderOf, presignWithHeaders, type PresignRequest } from './presign';
