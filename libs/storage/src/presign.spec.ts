import type { ObjectStoreConfig } from '@qis/config';
import { checksumHeaderOf, presignWithHeaders } from './presign';

const config = {
  MINIO_ENDPOINT: 'http://127.0.0.1:19000',
  MINIO_ACCESS_KEY: 'AKIDEXAMPLE',
  MINIO_SECRET_KEY: 'secret',
  MINIO_REGION: 'us-east-1',
} as ObjectStoreConfig;
const now = new Date('2026-12-05T10:00:00Z');
const sign = (size: number, sha256 = 'ab'.repeat(32)) =>
  new URL(
    presignWithHeaders(config, {
      method: 'PUT',
      bucket: 'qis-evidence-staging',
      key: 'HZ2026-000001/sample-photo/id 1',
      expiresSeconds: 900,
      query: { partNumber: '1', uploadId: 'u-1' },
      headers: { 'content-length': String(size), 'x-amz-checksum-sha256': checksumHeaderOf(sha256) },
      now,
    }),
  );

describe('presignWithHeaders', () => {
  it('signs the size and the checksum as headers the uploader must send, path style', () => {
    const url = sign(10);
    expect(url.pathname).toBe('/qis-evidence-staging/HZ2026-000001/sample-photo/id%201');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;host;x-amz-checksum-sha256');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-Credential')).toBe('AKIDEXAMPLE/20261205/us-east-1/s3/aws4_request');
    expect(url.searchParams.get('uploadId')).toBe('u-1');
  });

  it('gives another signature for another size or another checksum', () => {
    const signature = (u: URL) => u.searchParams.get('X-Amz-Signature');
    expect(signature(sign(10))).toMatch(/^[0-9a-f]{64}$/);
    expect(signature(sign(10))).toBe(signature(sign(10)));
    expect(signature(sign(11))).not.toBe(signature(sign(10)));
    expect(signature(sign(10, 'cd'.repeat(32)))).not.toBe(signature(sign(10)));
  });

  it('carries the SHA-256 as base64, as x-amz-checksum-sha256 wants it', () => {
    expect(checksumHeaderOf('00'.repeat(31) + 'ff')).toBe(
      Buffer.from('00'.repeat(31) + 'ff', 'hex').toString('base64'),
    );
  });
});
