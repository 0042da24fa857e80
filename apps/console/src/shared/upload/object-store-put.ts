/**
 * The object store's presigned URL under the console's own origin: nginx forwards /object-store/
 * to it with the host the signature covers (the console's CSP allows no other origin).
 */
export const sameOrigin = (presigned: string): string => {
  const u = new URL(presigned);
  return `${window.location.origin}/object-store${u.pathname}${u.search}`;
};

/** A PUT the network or the store refused; `status` 0 when the network dropped. */
export class PutFailed extends Error {
  constructor(readonly status: number) {
    super(status === 0 ? 'object store unreachable' : `object store answered ${status}`);
    this.name = 'PutFailed';
  }
}

/**
 * PUTs a blob (a file slice: the browser streams it from disk) with progress; resolves to the
 * ETag the store answered. `headers` are the ones the URL was signed with (the checksum); the
 * browser sends the Content-Length the signature also covers.
 */
export function putBlob(
  url: string,
  body: Blob,
  onProgress: (loaded: number) => void,
  signal?: AbortSignal,
  headers: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', sameOrigin(url));
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve(xhr.getResponseHeader('etag') ?? '')
        : reject(new PutFailed(xhr.status));
    xhr.onerror = () => reject(new PutFailed(0));
    xhr.onabort = () => reject(signal?.reason ?? new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
