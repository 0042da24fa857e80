export { EvidenceUpload, uploadEvidence } from './evidence-upload';
export type {
  EvidenceKind,
  RetryPolicy,
  UploadedEvidence,
  UploadPhase,
  UploadProgress,
  UploadTarget,
} from './evidence-upload';
export { fileSha256, HASH_SLICE_BYTES, partSha256 } from './file-sha256';
