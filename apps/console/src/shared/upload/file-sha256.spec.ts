import { describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { fileSha256, HASH_SLICE_BYTES, partSha256 } from './file-sha256';

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

  it('hashes a part to the base64 SHA-256 the store checks in x-amz-checksum-sha256', async () => {
    const bytes = randomBytes(HASH_SLICE_BYTES + 777);
    const file = new Blob([randomBytes(1000), bytes, randomBytes(1000)]);
    const part = file.slice(1000, 1000 + bytes.length);
    expect(await partSha256(part)).toBe(createHash('sha256').update(bytes).digest('base64'));
    expect(await partSha256(new Blob([]))).toBe(createHash('sha256').digest('base64'));
  });

  it('hashes the last part of a 2 GiB file reading one slice at a time, never the whole file', async () => {
    const GIB = 1024 ** 3;
    const PART = 64 * 1024 * 1024;
    const reads: number[] = [];
    // A 2 GiB "file" whose bytes are made on demand (byte i is i mod 251): nothing holds it whole.
    const bytesAt = (from: number, length: number) => {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) out[i] = (from + i) % 251;
      return out;
    };
    const virtual = (from: number, to: number): Blob =>
      ({
        size: to - from,
        slice: (start = 0, end = to - from) => virtual(from + start, from + Math.min(end, to - from)),
        arrayBuffer: async () => {
          reads.push(to - from);
          return bytesAt(from, to - from).buffer;
        },
      }) as unknown as Blob;
    const file = virtual(0, 2 * GIB + 5);
    const start = 32 * PART;
    const last = file.slice(start, file.size);
    expect(last.size).toBe(5);
    const before = file.slice(start - PART, start);
    const expected = createHash('sha256')
      .update(bytesAt(start - PART, PART))
      .digest('base64');
    expect(await partSha256(before)).toBe(expected);
    expect(Math.max(...reads)).toBe(HASH_SLICE_BYTES);
    expect(reads).toHaveLength(PART / HASH_SLICE_BYTES);
    expect(await partSha256(last)).toBe(createHash('sha256').update(bytesAt(start, 5)).digest('base64'));
  });
});
