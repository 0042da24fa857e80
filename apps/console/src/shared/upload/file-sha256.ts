import { createSHA256 } from 'hash-wasm';

/** Bytes read at a time: a 2 GiB recording never sits in memory, only one slice of it. */
export const HASH_SLICE_BYTES = 8 * 1024 * 1024;

/** The SHA-256 of a blob, read slice by slice into an incremental hasher: memory is one slice. */
async function digestInSlices(
  blob: Blob,
  onProgress: (hashed: number) => void,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const hasher = await createSHA256();
  hasher.init();
  for (let start = 0; start < blob.size; start += HASH_SLICE_BYTES) {
    signal?.throwIfAborted();
    const slice = blob.slice(start, Math.min(blob.size, start + HASH_SLICE_BYTES));
    hasher.update(new Uint8Array(await slice.arrayBuffer()));
    onProgress(start + slice.size);
  }
  return hasher.digest('binary');
}

/**
 * The hex SHA-256 of a file, read slice by slice into an incremental hasher (hash-wasm), so the
 * memory used is one slice whatever the file's size. `onProgress` gets the bytes hashed so far.
 */
export async function fileSha256(
  file: Blob,
  onProgress: (hashed: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<string> {
  const digest = await digestInSlices(file, onProgress, signal);
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The base64 SHA-256 of one part of a file (a `file.slice(…)`, read slice by slice like the whole),
 * as the evidence service takes a part's declaration and the store's `x-amz-checksum-sha256`.
 */
export async function partSha256(
  part: Blob,
  onProgress: (hashed: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<string> {
  const digest = await digestInSlices(part, onProgress, signal);
  return btoa(String.fromCharCode(...digest));
}
