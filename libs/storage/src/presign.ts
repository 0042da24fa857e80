import { createHash, createHmac } from 'node:crypto';
import type { ObjectStoreConfig } from '@qis/config';

export interface PresignRequest {
  method: 'PUT' | 'GET';
  bucket: string;
  key: string;
  /** lifetime in seconds (SigV4 allows at most 7 days) */
  expiresSeconds: number;
  /** query parameters that are part of the operation (partNumber, uploadId) */
  query?: Record<string, string>;
  /**
   * Headers the caller must send exactly as given: they are signed, so the store refuses the
   * request when one differs or is missing (`content-length`, `x-amz-checksum-sha256`).
   */
  headers?: Record<string, string>;
  now?: Date;
}

const escape = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/**
 * A SigV4 presigned URL (path style) whose signature also covers the given headers. minio-js
 * leaves `content-length` out of what it signs, so a URL it presigns accepts any size; this one
 * binds the size and the checksum the uploader declared, and the store enforces both.
 */
export function presignWithHeaders(config: ObjectStoreConfig, request: PresignRequest): string {
  const endpoint = new URL(config.MINIO_ENDPOINT);
  const now = request.now ?? new Date();
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${config.MINIO_REGION}/s3/aws4_request`;
  const headers: Record<string, string> = { host: endpoint.host };
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  const signedHeaders = Object.keys(headers).sort();
  const query: Record<string, string> = {
    ...(request.query ?? {}),
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${config.MINIO_ACCESS_KEY}/${scope}`,
    'X-Amz-Date': amzDate,
    'X-Amz-Expires': String(request.expiresSeconds),
    'X-Amz-SignedHeaders': signedHeaders.join(';'),
  };
  const canonicalQuery = Object.keys(query)
    .sort()
    .map((name) => `${escape(name)}=${escape(query[name])}`)
    .join('&');
  const path = `/${request.bucket}/${request.key.split('/').map(escape).join('/')}`;
  const canonicalRequest = [
    request.method,
    path,
    canonicalQuery,
    signedHeaders.map((name) => `${name}:${headers[name].trim()}\n`).join(''),
    signedHeaders.join(';'),
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${config.MINIO_SECRET_KEY}`, day), config.MINIO_REGION), 's3'),
    'aws4_request',
  );
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return `${endpoint.protocol}//${endpoint.host}${path}?${canonicalQuery}&X-Amz-Signature=${signature}`;
}

/** The base64 form of a hex SHA-256, as `x-amz-checksum-sha256` carries it. */
export const checksumHeaderOf = (sha256Hex: string): string =>
  Buffer.from(sha256Hex, 'hex').toString('base64');
