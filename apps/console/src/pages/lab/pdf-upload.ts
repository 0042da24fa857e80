import { uploadEvidence } from '../../shared/upload';

export interface UploadedPdf {
  objectId: string;
  sha256: string;
  size: number;
  fileName: string;
}

/**
 * The signed report into the evidence store (kind lab-report) through the shared uploader: hashed
 * in slices, PUT to the presigned URL(s), finalized (the store hashes it again). Progress 0..100.
 */
export async function uploadReportPdf(
  file: File,
  batchNumber: string,
  onProgress: (percent: number) => void,
): Promise<UploadedPdf> {
  const uploaded = await uploadEvidence(
    file,
    { kind: 'lab-report', batchNumber, contentType: 'application/pdf' },
    (p) => {
      if (p.phase === 'uploading') onProgress(p.percent);
    },
  );
  onProgress(100);
  return uploaded;
}
