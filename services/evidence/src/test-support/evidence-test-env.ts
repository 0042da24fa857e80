import { createHash, randomBytes } from 'node:crypto';
import { createObjectStoreClient, ensureEvidenceBucket, ensureStagingBucket } from '@qis/storage';
import { removeTestBucket, startTestService, type TestService } from '@qis/testing';
import type { Client } from 'minio';
import { Client as PgClient } from 'pg';
import { EvidenceConfig } from '../evidence.config';
import { evidenceService } from '../evidence.definition';

export interface EvidenceTestEnv {
  service: TestService<EvidenceConfig>;
  minio: Client;
  bucket: string;
  /** A query as the database superuser (to play an attacker who bypasses the application). */
  adminQuery(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  stop(): Promise<void>;
}

/**
 * The evidence service on its own database and its own bucket. The bucket uses GOVERNANCE lock
 * (allowed only under QIS_ENV=test) so the test can remove it afterwards with the bypass.
 */
export async function startEvidenceTestEnv(env: Record<string, string> = {}): Promise<EvidenceTestEnv> {
  const bucket = `qis-test-ev-${randomBytes(5).toString('hex')}`;
  const minio = createObjectStoreClient(Object.assign(new EvidenceConfig(), process.env) as EvidenceConfig);
  await ensureEvidenceBucket(minio, bucket, {
    region: process.env['MINIO_REGION'] ?? 'us-east-1',
    retentionYears: 2,
    mode: 'GOVERNANCE',
  });
  // The service makes it too, in the background: the test may upload before that.
  await ensureStagingBucket(minio, `${bucket}-staging`, {
    region: process.env['MINIO_REGION'] ?? 'us-east-1',
    expiryDays: 1,
  });
  const service = await startTestService(evidenceService, {
    EVIDENCE_BUCKET: bucket,
    EVIDENCE_LOCK_MODE: 'GOVERNANCE',
    EVIDENCE_PART_SIZE_MB: '5',
    ...env,
  });
  const adminQuery = async (sql: string, params: unknown[] = []) => {
    const pg = new PgClient({
      host: process.env['DB_HOST'],
      port: Number(process.env['DB_PORT']),
      user: process.env['DB_ADMIN_USER'],
      password: process.env['DB_ADMIN_PASSWORD'],
      database: service.database,
    });
    await pg.connect();
    try {
      return (await pg.query(sql, params)).rows as Array<Record<string, unknown>>;
    } finally {
      await pg.end();
    }
  };
  return {
    service,
    minio,
    bucket,
    adminQuery,
    stop: async () => {
      await service.stop();
      await removeTestBucket(minio, bucket);
    },
  };
}

export const sha256Hex = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** Announces, declares its parts, PUTs and finalizes a file through the API; returns the finalize response. */
export async function uploadThroughApi(
  env: EvidenceTestEnv,
  headers: Record<string, string>,
  data: Buffer,
  fields: { kind: string; batchNumber?: string; contentType?: string; declaredSha256?: string },
): Promise<{ status: number; body: Record<string, unknown>; objectId: string }> {
  const start = await fetch(`${env.service.url}/evidence/uploads`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: fields.kind,
      batchNumber: fields.batchNumber,
      contentType: fields.contentType ?? 'application/octet-stream',
      size: data.length,
      sha256: fields.declaredSha256 ?? sha256Hex(data),
      parts: [],
    }),
  });
  if (start.status !== 201) throw new Error(`start upload: ${start.status} ${await start.text()}`);
  const ticket = (await start.json()) as {
    objectId: string;
    method: string;
    url?: string;
    headers?: Record<string, string>;
    partSize?: number;
    parts?: Array<{ partNumber: number; url: string; headers?: Record<string, string> }>;
  };
  let finalizeBody: Record<string, unknown> = {};
  if (ticket.method === 'single') {
    const put = await fetch(ticket.url as string, {
      method: 'PUT',
      headers: ticket.headers,
      body: Uint8Array.from(data),
    });
    if (put.status !== 200) throw new Error(`PUT: ${put.status} ${await put.text()}`);
  } else {
    // Each part declared (size, SHA-256), then PUT to the URL signed for both.
    const partSize = ticket.partSize as number;
    const bytesOf = (n: number) => data.subarray((n - 1) * partSize, n * partSize);
    const declared = await fetch(`${env.service.url}/evidence/uploads/${ticket.objectId}/parts`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        parts: Array.from({ length: Math.ceil(data.length / partSize) }, (_, i) => ({
          partNumber: i + 1,
          size: bytesOf(i + 1).length,
          sha256: createHash('sha256')
            .update(bytesOf(i + 1))
            .digest('base64'),
        })),
      }),
    });
    if (declared.status !== 200)
      throw new Error(`declare parts: ${declared.status} ${await declared.text()}`);
    const { parts: urls } = (await declared.json()) as Pick<typeof ticket, 'parts'>;
    const parts = await Promise.all(
      (urls ?? []).map(async (p) => {
        const put = await fetch(p.url, {
          method: 'PUT',
          headers: p.headers,
          body: Uint8Array.from(bytesOf(p.partNumber)),
        });
        if (put.status !== 200) throw new Error(`PUT part ${p.partNumber}: ${put.status}`);
        return { partNumber: p.partNumber, etag: put.headers.get('etag') as string };
      }),
    );
    finalizeBody = { parts };
  }
  const finalize = await fetch(`${env.service.url}/evidence/uploads/${ticket.objectId}/finalize`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(finalizeBody),
  });
  return {
    status: finalize.status,
    body: (await finalize.json()) as Record<string, unknown>,
    objectId: ticket.objectId,
  };
}
