import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ServiceTokenSource } from '@qis/auth';
import { ObjectStoreConfig } from '@qis/config';
import { OrderPlaced, SampleSealed } from '@qis/contracts';
import { createObjectStoreClient, ensureEvidenceBucket } from '@qis/storage';
import {
  createTestDatabase,
  expectEventually,
  freePort,
  spawnService,
  waitForReady,
  type ServiceProcess,
  type TestService,
  removeTestBucket,
} from '@qis/testing';
import type { Client } from 'minio';
import type { EnforcementConfig } from '../enforcement.config';
import { EnforcementFixture, orderPlacedExample, sampleSealedExample } from '../testing/enforcement-fixture';
import { uploadLabReport } from '../testing/lab-report';
import { StoreNoticePdfsUseCase } from './store-notice-pdfs.usecase';

jest.setTimeout(180_000);

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

interface NoticeBody {
  id: string;
  kind: string;
  noticeNumber: string;
  evidenceObjectId: string | null;
  evidenceSha256: string | null;
  evidenceAttempts: number;
  evidenceLastError: string | null;
}

/**
 * Notice PDFs stored through the evidence service running as its own built process (own database,
 * own bucket on the real MinIO), with a service token signed by the local issuer's private key:
 * nothing is lost while the evidence service is away, and once it is back every notice's PDF is in
 * the bucket with the SHA-256 the evidence service computed recorded on the notice.
 */
describe('notice PDFs stored as evidence', () => {
  const keys = mkdtempSync(path.join(tmpdir(), 'qis-enf-keys-'));
  const privateKeyFile = path.join(keys, 'issuer.key');
  const publicKeyFile = path.join(keys, 'issuer.pub');
  const bucket = `qis-test-en-${randomBytes(5).toString('hex')}`;
  let minio: Client;
  let evidencePort: number;
  let evidence: ServiceProcess | undefined;
  let evidenceDb: { name: string; drop(): Promise<void> };
  let service: TestService<EnforcementConfig>;
  let fx: EnforcementFixture;

  beforeAll(async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
    minio = createObjectStoreClient(Object.assign(new ObjectStoreConfig(), process.env) as ObjectStoreConfig);
    await ensureEvidenceBucket(minio, bucket, {
      region: process.env['MINIO_REGION'] ?? 'us-east-1',
      retentionYears: 2,
      mode: 'GOVERNANCE',
    });
    evidenceDb = await createTestDatabase('evidence');
    evidencePort = await freePort();
    // The evidence service is not running yet: the first attempts must fail and be kept.
    fx = await EnforcementFixture.start({
      EVIDENCE_URL: `http://127.0.0.1:${evidencePort}`,
      SERVICE_TOKEN_PRIVATE_KEY_FILE: privateKeyFile,
      NOTICE_STORE_INTERVAL_MS: '300',
    });
    service = fx.service;
  });

  afterAll(async () => {
    await fx?.stop();
    await evidence?.stop();
    await evidenceDb?.drop();
    await removeTestBucket(minio, bucket);
    rmSync(keys, { recursive: true, force: true });
  });

  it('keeps every notice while the evidence service is down (no delivery recordable: 409 naming the missing PDF), then stores each PDF (result notices with their report) in MinIO with its SHA-256 recorded', async () => {
    const b = 'HZ2026-910001';
    await fx.emit(OrderPlaced, b, { ...orderPlacedExample.value, batchNumber: b });
    await fx.emit(SampleSealed, b, { ...sampleSealedExample.value, batchNumber: b });
    await fx.notices<NoticeBody>(b, 'sampling', 2);
    const all = async (): Promise<NoticeBody[]> =>
      (await fx.call<NoticeBody[]>('GET', `/batches/${b}/notices`, { roles: ['auditor'] })).body;
    expect(await all()).toHaveLength(2); // sampling: seller, platform

    await expectEventually(async () => {
      for (const n of await all()) {
        expect(n.evidenceObjectId).toBeNull();
        expect(n.evidenceAttempts).toBeGreaterThanOrEqual(1);
        expect(n.evidenceLastError).toMatch(/^start: evidence service unreachable/);
      }
    });
    // No delivery is recorded before the PDF sent is the one on record: 409 naming what is missing.
    const officer = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-330100' };
    const [unstored] = await all();
    const early = await fx.call<{ message: string }>('POST', `/notices/${unstored!.id}/delivery`, officer, {
      sentAt: (await fx.now()).toISOString(),
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain(
      `notice ${unstored!.noticeNumber} cannot be delivered yet: its PDF is not stored as evidence (evidenceObjectId missing`,
    );
    expect(early.body.message).toContain('evidence service unreachable');
    expect((await all()).every((n) => n.evidenceObjectId === null)).toBe(true);

    evidence = spawnService('evidence', {
      DB_NAME: evidenceDb.name,
      HTTP_PORT: String(evidencePort),
      EVIDENCE_BUCKET: bucket,
      EVIDENCE_LOCK_MODE: 'GOVERNANCE',
      // The evidence service trusts the issuer whose private key enforcement signs its service tokens with.
      AUTH_PUBLIC_KEY_FILE: publicKeyFile,
      AUTH_ISSUER: service.issuer.issuer,
      AUTH_AUDIENCE: service.issuer.audience,
    });
    await waitForReady(evidence);
    // The lab's signed report, which the result notices carry after their own pages.
    const lab = ServiceTokenSource.fromSettings({
      environment: 'test',
      subject: 'lab-test',
      roles: ['lab'],
      privateKeyFile,
      issuer: service.issuer.issuer,
      audience: service.issuer.audience,
    }) as ServiceTokenSource;
    const reportDocumentId = await uploadLabReport(evidence.url, lab, b, 'ZJFZ2026-W-91001');
    await fx.report(b, {
      issuedAt: '2026-05-29T02:00:00.000Z',
      reportDocumentId,
      reportNumber: 'ZJFZ2026-W-91001',
    });
    await fx.notices<NoticeBody>(b, 'result', 3);
    expect(await all()).toHaveLength(5); // sampling: seller, platform; result: seller, producer, platform
    // Skip the backoff instead of waiting for it: the retry is the same step the scheduler runs.
    await service.app.get(StoreNoticePdfsUseCase).execute(new Date(Date.now() + 3_600_000));

    let stored: NoticeBody[] = [];
    await expectEventually(async () => {
      stored = await all();
      expect(stored.every((n) => n.evidenceObjectId !== null && n.evidenceLastError === null)).toBe(true);
    });

    const auditor = ServiceTokenSource.fromSettings({
      environment: 'test',
      subject: 'auditor-test',
      roles: ['auditor'],
      privateKeyFile,
      issuer: service.issuer.issuer,
      audience: service.issuer.audience,
    }) as ServiceTokenSource;
    for (const notice of stored) {
      const headers = await auditor.headers();
      const meta = (await (
        await fetch(`${evidence.url}/evidence/objects/${notice.evidenceObjectId}`, { headers })
      ).json()) as Record<string, unknown>;
      expect(meta).toMatchObject({
        kind: 'notice',
        batchNumber: b,
        status: 'stored',
        contentType: 'application/pdf',
        fileName: `${notice.noticeNumber}.pdf`,
        uploader: 'service:enforcement',
        sha256: notice.evidenceSha256,
      });
      const ticket = (await (
        await fetch(`${evidence.url}/evidence/objects/${notice.evidenceObjectId}/download`, {
          method: 'POST',
          headers,
        })
      ).json()) as { url: string };
      const bytes = Buffer.from(await (await fetch(ticket.url)).arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(sha256(bytes)).toBe(notice.evidenceSha256);
    }
    // Stored, the notice is delivered as the document on record.
    const delivered = await fx.call('POST', `/notices/${unstored!.id}/delivery`, officer, {
      sentAt: (await fx.now()).toISOString(),
    });
    expect(delivered.status).toBe(200);
    // Stored notices are not uploaded again.
    expect(await service.app.get(StoreNoticePdfsUseCase).execute(new Date(Date.now() + 7_200_000))).toEqual({
      stored: 0,
      failed: 0,
      more: false,
    });
  });
});
