export { ObjectStoreHealthIndicator } from './object-store-health.indicator';
export {
  createObjectStoreClient,
  ensureEvidenceBucket,
  MIN_RETENTION_YEARS,
  type EvidenceBucketOptions,
} from './object-store';
