import { createSHA256 } from 'hash-wasm';

/** Bytes read at a time: a 2 GiB recording never sits in memory, only one slice of it. */
export const HASH_SLICE_BYTES = 8 * 1024 * 1024;

/**
 * The hex SHA-256 of a file, read slice by slice into an incremental hasher (hash-wasm), so the
 * memory used is one slice whatever the file's size. `onProgress` gets the bytes hashed so far.
 */
export async function fileSha256(
  file: Blob,
  onProgress: (hashed: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  for (let start = 0; start < file.size; start += HASH_SLICE_BYTES) {
    signal?.throwIfAborted();
    const slice = file.slice(start, Math.min(file.size, start + HASH_SLICE_BYTES));
    hasher.update(new Uint8Array(await slice.arrayBuffer()));
    onProgress(start + slice.size);
  }
  return hasher.digest('hex');
}
