import { EvidenceStore } from '../store/evidence-store';
import type { EvidenceObject } from './evidence-object.entity';
import type { UploadTicket } from './upload-ticket.view';

type Staged = Pick<
  EvidenceObject,
  'id' | 'objectKey' | 'uploadId' | 'declaredSize' | 'declaredSha256' | 'partSize'
>;

/**
 * The presigned URLs of a staged upload. Every upload is a multipart upload in the staging bucket
 * (a single PUT is its only part), so once it is completed at finalize its URLs answer NoSuchUpload.
 * Each URL is signed for its part's exact size; a single part also for the declared SHA-256 (the
 * parts of a larger file are checked as a whole when the job hashes the assembled object).
 */
export function ticketFor(store: EvidenceStore, object: Staged, expiresAt: string): UploadTicket {
  const uploadId = object.uploadId as string;
  if (object.partSize === null) {
    const { url, headers } = store.presignStagedPart(
      object.objectKey,
      uploadId,
      1,
      object.declaredSize,
      object.declaredSha256,
    );
    return { objectId: object.id, method: 'single', url, headers, expiresAt };
  }
  const partSize = object.partSize;
  const count = Math.ceil(object.declaredSize / partSize);
  const parts = Array.from({ length: count }, (_, i) => {
    const size = Math.min(partSize, object.declaredSize - i * partSize);
    const signed = store.presignStagedPart(object.objectKey, uploadId, i + 1, size);
    return { partNumber: i + 1, size, ...signed };
  });
  return { objectId: object.id, method: 'multipart', partSize, parts, expiresAt };
}
