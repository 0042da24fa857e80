import { api, unwrap } from '../../api/client';

/** What the intake room records on video and camera (evidence kinds intake officers may upload). */
export type IntakeEvidenceKind =
  'unboxing-video' | 'waybill-photo' | 'sample-photo' | 'product-claim-photo' | 'seal-photo';

export interface UploadedFile {
  objectId: string;
  sha256: string;
  size: number;
  fileName: string;
  kind: IntakeEvidenceKind;
}

const hex = (buffer: ArrayBuffer): string =>
  [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The object store's presigned URL under the console's own origin: nginx forwards /object-store/
 * to it with the host the signature covers (the console's CSP allows no other origin).
 */
const sameOrigin = (presigned: string): string => {
  const u = new URL(presigned);
  return `${window.location.origin}/object-store${u.pathname}${u.search}`;
};

/** PUTs bytes with progress; the ETag the store answered. */
function put(url: string, body: Blob, onProgress: (loaded: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', sameOrigin(url));
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve(xhr.getResponseHeader('etag') ?? '')
        : reject(new Error(`object store answered ${xhr.status}`));
    xhr.onerror = () => reject(new Error('object store unreachable'));
    xhr.send(body);
  });
}

/**
 * A photo or the unboxing video into the evidence store: announce it (kind, batch, size, SHA-256),
 * PUT the bytes to the presigned URL(s), finalize (the store hashes them again). Progress 0..100.
 * The same approach as the lab portal's report upload (the shared chunked uploader was not in the
 * tree yet when this page was written): the hash is computed by the browser's SubtleCrypto.
 */
export async function uploadIntakeEvidence(
  file: File,
  kind: IntakeEvidenceKind,
  batchNumber: string,
  onProgress: (percent: number) => void,
): Promise<UploadedFile> {
  const sha256 = hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  const ticket = await unwrap(
    api.evidence.POST('/evidence/uploads', {
      body: {
        kind,
        batchNumber,
        contentType: file.type || 'application/octet-stream',
        size: file.size,
        sha256,
        fileName: file.name,
      },
    }),
  );
  const report = (loaded: number) => onProgress(Math.min(99, Math.floor((loaded / file.size) * 100)));
  if (ticket.method === 'single' && ticket.url) {
    await put(ticket.url, file, report);
    await unwrap(
      api.evidence.POST('/evidence/uploads/{id}/finalize', {
        params: { path: { id: ticket.objectId } },
        body: {},
      }),
    );
  } else {
    const partSize = ticket.partSize ?? file.size;
    const parts: Array<{ partNumber: number; etag: string }> = [];
    let done = 0;
    for (const part of ticket.parts ?? []) {
      const start = (part.partNumber - 1) * partSize;
      const slice = file.slice(start, start + partSize);
      const etag = await put(part.url, slice, (loaded) => report(done + loaded));
      done += slice.size;
      parts.push({ partNumber: part.partNumber, etag });
    }
    await unwrap(
      api.evidence.POST('/evidence/uploads/{id}/finalize', {
        params: { path: { id: ticket.objectId } },
        body: { parts },
      }),
    );
  }
  onProgress(100);
  return { objectId: ticket.objectId, sha256, size: file.size, fileName: file.name, kind };
}
