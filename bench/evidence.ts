/**
 * Benchmark of the evidence upload path (issue 6), both rows in one run on the same MinIO:
 *   1. bare `minio` client putObject of the file (its own multipart, no hashing, no database)
 *   2. the evidence API: POST /evidence/uploads → PUT the parts to the presigned URLs
 *      (BENCH_PARALLEL at a time) → POST finalize, whose background job streams the staged object
 *      through SHA-256 and compares it with the declared hash
 * Prints MB/s of both, the ratio, and the service's peak RSS (VmHWM of the spawned process).
 *
 *   npm run bench -- evidence        (BENCH_SIZE_MB=1024 BENCH_PARALLEL=4 BENCH_PART_MB=64)
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createObjectStoreClient, ensureEvidenceBucket } from '@qis/storage';
import {
  deleteTopicsWithPrefix,
  createTestDatabase,
  freePort,
  localInfraEnv,
  spawnService,
  TestIssuer,
  waitForReady,
  removeTestBucket,
} from '@qis/testing';
import type { Client } from 'minio';

const SIZE_MB = Number(process.env['BENCH_SIZE_MB'] ?? 1024);
const PARALLEL = Number(process.env['BENCH_PARALLEL'] ?? 4);
const PART_MB = Number(process.env['BENCH_PART_MB'] ?? 64);
const MB = 1024 * 1024;

Object.assign(process.env, { ...localInfraEnv(), ...process.env, LOG_LEVEL: 'error' });

async function writeFile(file: string): Promise<string> {
  const out = createWriteStream(file);
  const digest = createHash('sha256');
  const block = randomBytes(8 * MB);
  for (let i = 0; i < SIZE_MB / 8; i++) {
    block.writeUInt32LE(i, 0); // every block differs
    digest.update(block);
    if (!out.write(block)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return digest.digest('hex');
}

const vm = (pid: number, field: 'VmHWM' | 'VmRSS'): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
};

async function bare(client: Client, bucket: string, file: string): Promise<number> {
  const started = performance.now();
  await client.putObject(bucket, `bare/${Date.now()}`, createReadStream(file), SIZE_MB * MB);
  return (performance.now() - started) / 1000;
}

async function viaApi(
  url: string,
  headers: Record<string, string>,
  file: string,
  sha256: string,
): Promise<number> {
  const started = performance.now();
  const start = await fetch(`${url}/evidence/uploads`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'unboxing-video',
      batchNumber: 'HZ2026-999999',
      contentType: 'video/mp4',
      size: SIZE_MB * MB,
      sha256,
    }),
  });
  if (start.status !== 201) throw new Error(`start: ${start.status} ${await start.text()}`);
  const ticket = (await start.json()) as {
    objectId: string;
    partSize: number;
    parts: Array<{ partNumber: number; url: string }>;
  };
  const handle = await open(file, 'r');
  const etags: Array<{ partNumber: number; etag: string }> = [];
  const queue = [...ticket.parts];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let part = queue.shift(); part; part = queue.shift()) {
        const offset = (part.partNumber - 1) * ticket.partSize;
        const length = Math.min(ticket.partSize, SIZE_MB * MB - offset);
        const body = Buffer.allocUnsafe(length);
        await handle.read(body, 0, length, offset);
        const put = await fetch(part.url, { method: 'PUT', body });
        if (put.status !== 200) throw new Error(`part ${part.partNumber}: ${put.status} ${await put.text()}`);
        etags.push({ partNumber: part.partNumber, etag: put.headers.get('etag') as string });
      }
    }),
  );
  await handle.close();
  const finalize = await fetch(`${url}/evidence/uploads/${ticket.objectId}/finalize`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', prefer: 'respond-async' },
    body: JSON.stringify({ parts: etags }),
  });
  if (finalize.status !== 202) throw new Error(`finalize: ${finalize.status} ${await finalize.text()}`);
  // The background job hashes the staged object and copies it into the locked bucket.
  let status: { state: string; object?: { sha256: string } } = { state: 'verifying' };
  while (status.state === 'verifying') {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const res = await fetch(`${url}/evidence/uploads/${ticket.objectId}/status`, { headers });
    status = (await res.json()) as typeof status;
  }
  if (status.object?.sha256 !== sha256) throw new Error(`finalize ended ${status.state}, not with the hash`);
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const file = path.join(tmpdir(), `qis-bench-evidence-${process.pid}.bin`);
  const bucket = `qis-bench-ev-${randomBytes(4).toString('hex')}`;
  process.stdout.write(
    `evidence benchmark: ${SIZE_MB} MiB file, parts of ${PART_MB} MiB, ${PARALLEL} part uploads at a time\n`,
  );
  const hashStarted = performance.now();
  const sha256 = await writeFile(file);
  process.stdout.write(
    `file written and hashed by the client in ${((performance.now() - hashStarted) / 1000).toFixed(1)} s\n`,
  );

  const env = process.env as Record<string, string>;
  const client = createObjectStoreClient({
    MINIO_ENDPOINT: env['MINIO_ENDPOINT'],
    MINIO_ACCESS_KEY: env['MINIO_ACCESS_KEY'],
    MINIO_SECRET_KEY: env['MINIO_SECRET_KEY'],
    MINIO_REGION: env['MINIO_REGION'] ?? 'us-east-1',
  } as Parameters<typeof createObjectStoreClient>[0]);
  // A throwaway bucket: GOVERNANCE lock (test mode only) so the run can clean up after itself.
  await ensureEvidenceBucket(client, bucket, {
    region: env['MINIO_REGION'] ?? 'us-east-1',
    retentionYears: 2,
    mode: 'GOVERNANCE',
  });
  const db = await createTestDatabase('evidence_bench');
  const port = await freePort();
  const prefix = `bench-ev-${randomBytes(3).toString('hex')}.`;
  const service = spawnService('evidence', {
    HTTP_PORT: String(port),
    DB_NAME: db.name,
    QIS_ENV: 'test',
    EVIDENCE_BUCKET: bucket,
    EVIDENCE_LOCK_MODE: 'GOVERNANCE',
    EVIDENCE_PART_SIZE_MB: String(PART_MB),
    KAFKA_TOPIC_PREFIX: prefix,
    LOG_LEVEL: 'error',
  });
  try {
    await waitForReady(service);
    const pid = service.child.pid as number;
    const idleRss = vm(pid, 'VmRSS');
    const headers = await TestIssuer.shared().headers({ roles: ['intake-officer'], sub: 'bench' });

    const bareSeconds = await bare(client, bucket, file);
    const apiSeconds = await viaApi(service.url, headers, file, sha256);
    const peak = vm(pid, 'VmHWM');

    const mbps = (s: number) => SIZE_MB / s;
    process.stdout.write(
      `\n${'row'.padEnd(58)} ${'seconds'.padStart(8)} ${'MB/s'.padStart(8)}\n` +
        `${'bare minio putObject'.padEnd(58)} ${bareSeconds.toFixed(1).padStart(8)} ${mbps(bareSeconds).toFixed(0).padStart(8)}\n` +
        `${'evidence API (presigned multipart + finalize with SHA-256)'.padEnd(58)} ${apiSeconds.toFixed(1).padStart(8)} ${mbps(apiSeconds).toFixed(0).padStart(8)}\n` +
        `\nratio API / bare = ${(bareSeconds / apiSeconds).toFixed(2)} (target ≥ 0.7: ${bareSeconds / apiSeconds >= 0.7 ? 'met' : 'NOT met'})\n` +
        `service RSS: idle ${idleRss.toFixed(0)} MB, peak (VmHWM) ${peak.toFixed(0)} MB (target < 300 MB: ${peak < 300 ? 'met' : 'NOT met'})\n`,
    );
  } finally {
    await service.stop();
    await db.drop();
    await deleteTopicsWithPrefix(prefix);
    await removeTestBucket(client, bucket).catch((error: unknown) =>
      process.stderr.write(`cleanup: ${String(error)}\n`),
    );
    rmSync(file, { force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
