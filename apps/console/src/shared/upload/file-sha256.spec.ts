import { describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { fileSha256, HASH_SLICE_BYTES } from './file-sha256';

describe('fileSha256', () => {
  it('hashes a file slice by slice to the SHA-256 of its whole bytes, reporting each slice', async () => {
    const bytes = randomBytes(2 * HASH_SLICE_BYTES + 12_345);
    const seen: number[] = [];
    const hex = await fileSha256(new Blob([bytes]), (n) => seen.push(n));
    expect(hex).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(seen).toEqual([HASH_SLICE_BYTES, 2 * HASH_SLICE_BYTES, bytes.length]);
  });

  it('hashes an empty file', async () => {
    expect(await fileSha256(new Blob([]))).toBe(createHash('sha256').digest('hex'));
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(fileSha256(new Blob([randomBytes(10)]), undefined, controller.signal)).rejects.toThrow();
  });
});
