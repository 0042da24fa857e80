import { EvidenceStore } from '../store/evidence-store';
import type { EvidenceObject } from './evidence-object.entity';
import type { UploadTicket } from './upload-ticket.view';

type Staged = Pick<
  EvidenceObject,
  'id' | 'objectKey' | 'uploadId' | 'declaredSize' | 'declaredSha256' | 'partSize' | 'partsDeclared'
>;

/** A part as the uploader declared it: size, base64 SHA-256. */
export interface DeclaredPart {
  partNumber: number;
  size: number;
  sha256: string;
}

/** How many parts a multipart upload has (1 for a single PUT). */
export const partCountOf = (object: Pick<EvidenceObject, 'declaredSize' | 'partSize'>): number =>
  Math.ceil(object.declaredSize / (object.partSize ?? object.declaredSize));

/** The size of part `n`: the part size, the rest for the last. */
export const partSizeOf = (object: Pick<EvidenceObject, 'declaredSize' | 'partSize'>, n: number): number => {
  const partSize = object.partSize ?? object.declaredSize;
  return Math.min(partSize, object.declaredSize - (n - 1) * partSize);
};

/**
 * The presigned URLs of a staged upload. Every upload is a multipart upload in the staging bucket
 * (a single PUT is its only part), so once it is completed at finalize its URLs answer NoSuchUpload.
 * A single URL is signed for the file's size and declared SHA-256. A multipart upload whose parts
 * are declared gets URLs for the `declared` parts only, each signed for the part's size and SHA-256;
 * one of the released (2.0.0) flow, which declares none, gets every part's URL signed for its size.
 */
export function ticketFor(
  store: EvidenceStore,
  object: Staged,
  expiresAt: string,
  declared: DeclaredPart[] = [],
): UploadTicket {
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
  const partCount = partCountOf(object);
  const parts = object.partsDeclared
    ? [...declared]
        .sort((a, b) => a.partNumber - b.partNumber)
        .map((p) => ({
          partNumber: p.partNumber,
          size: p.size,
          ...store.presignStagedPart(object.objectKey, uploadId, p.partNumber, p.size, p.sha256, 'base64'),
        }))
    : Array.from({ length: partCount }, (_, i) => {
        const size = partSizeOf(object, i + 1);
        return {
          partNumber: i + 1,
          size,
          ...store.presignStagedPart(object.objectKey, uploadId, i + 1, size),
        };
      });
  return {
    objectId: object.id,
    method: 'multipart',
    partSize: object.partSize,
    partCount,
    partsDeclared: object.partsDeclared,
    parts,
    expiresAt,
  };
}
