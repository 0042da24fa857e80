import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ServiceTokenSource } from '@qis/auth';
import { ObjectStoreConfig } from '@qis/config';
import type { PlatformFacts, SellerFacts } from '@qis/contracts';
import { createObjectStoreClient, ensureEvidenceBucket } from '@qis/storage';
import {
  createTestDatabase,
  expectEventually,
  freePort,
  removeTestBucket,
  spawnService,
  waitForReady,
  type ServiceProcess,
} from '@qis/testing';
import type { Client } from 'minio';
import { uscc } from '../../testing/credit-code';
import { EnforcementFixture, orderPlacedExample } from '../../testing/enforcement-fixture';
import { uploadLabReport } from '../../testing/lab-report';

jest.setTimeout(300_000);

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

interface NoticeBody {
  noticeNumber: string;
  evidenceObjectId: string | null;
  evidenceSha256: string | null;
}
interface CaseBody {
  id: string;
  batchNumber: string;
  policyRow: string | null;
}
interface LetterBody {
  letterNumber: string;
  evidenceObjectId: string | null;
  evidenceSha256: string | null;
}

const approver = { roles: ['approver'], sub: 'approver-zhou' };
const jd: PlatformFacts = {
  code: 'jd',
  name: '京东',
  url: 'https://www.jd.com',
  operatorName: '北京京东叁佰陆拾度电子商务有限公司',
  operatorRegisteredAreaCode: '110115',
};
const huzhou: SellerFacts = {
  ...orderPlacedExample.value.seller,
  name: '湖州示例丝绸有限公司',
  unifiedSocialCreditCode: uscc('330502'),
  registeredAreaCode: '330502',
  registeredAddress: '浙江省湖州市吴兴区示例路8号',
};

/**
 * The transfer letter of a case handed to the provincial bureau (003 §2(3)) is stored through the
 * evidence service running as its own built process, like the notices: its evidence list carries
 * the notices' object ids and SHA-256, and the stored PDF's hash is the one recorded on the letter.
 */
describe('transfer letters stored as evidence', () => {
  const keys = mkdtempSync(path.join(tmpdir(), 'qis-letter-keys-'));
  const privateKeyFile = path.join(keys, 'issuer.key');
  const publicKeyFile = path.join(keys, 'issuer.pub');
  const bucket = `qis-test-tl-${randomBytes(5).toString('hex')}`;
  let minio: Client;
  let evidence: ServiceProcess | undefined;
  let evidenceDb: { name: string; drop(): Promise<void> };
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
    const evidencePort = await freePort();
    fx = await EnforcementFixture.start({
      EVIDENCE_URL: `http://127.0.0.1:${evidencePort}`,
      SERVICE_TOKEN_PRIVATE_KEY_FILE: privateKeyFile,
      NOTICE_STORE_INTERVAL_MS: '300',
    });
    evidence = spawnService('evidence', {
      DB_NAME: evidenceDb.name,
      HTTP_PORT: String(evidencePort),
      EVIDENCE_BUCKET: bucket,
      EVIDENCE_LOCK_MODE: 'GOVERNANCE',
      AUTH_PUBLIC_KEY_FILE: publicKeyFile,
      AUTH_ISSUER: fx.service.issuer.issuer,
      AUTH_AUDIENCE: fx.service.issuer.audience,
    });
    await waitForReady(evidence);
  });

  afterAll(async () => {
    await fx?.stop();
    await evidence?.stop();
    await evidenceDb?.drop();
    await removeTestBucket(minio, bucket);
    rmSync(keys, { recursive: true, force: true });
  });

  it("stores the letter's PDF with its SHA-256, listing the stored notices' ids and hashes as evidence", async () => {
    const b = `HZ2026-${String(randomInt(500_000, 599_999))}`;
    // The lab's signed report: result notices are stored only with it attached.
    const lab = ServiceTokenSource.fromSettings({
      environment: 'test',
      subject: 'lab-test',
      roles: ['lab'],
      privateKeyFile,
      issuer: fx.service.issuer.issuer,
      audience: fx.service.issuer.audience,
    }) as ServiceTokenSource;
    const reportDocumentId = await uploadLabReport(String(evidence?.url), lab, b, 'ZJFZ2026-W-95001');
    await fx.batch(b, {
      order: { seller: huzhou, platform: jd },
      report: { reportNumber: 'ZJFZ2026-W-95001', reportDocumentId },
    });
    await fx.notices(b, 'result', 2);
    const notices = async (): Promise<NoticeBody[]> =>
      (await fx.call<NoticeBody[]>('GET', `/batches/${b}/notices`, { roles: ['auditor'] })).body;
    let stored: NoticeBody[] = [];
    await expectEventually(
      async () => {
        stored = await notices();
        expect(stored.length).toBeGreaterThan(0);
        expect(stored.every((n) => n.evidenceObjectId && n.evidenceSha256)).toBe(true);
      },
      { timeoutMs: 60_000 },
    );
    await fx.deliverAll(b);
    await fx.windowsRunOut();
    const found = await expectEventually(
      async () => {
        const c = (await fx.call<CaseBody[]>('GET', `/cases?batchNumber=${b}`, approver)).body[0];
        expect(c?.policyRow).toBe('province-seller-outside-platform');
        return c as CaseBody;
      },
      { timeoutMs: 60_000 },
    );
    const letter = await expectEventually(
      async () => {
        const l = await fx.call<LetterBody>('GET', `/cases/${found.id}/transfer-letter`, approver);
        expect(l.body.evidenceObjectId).toEqual(expect.any(String));
        return l.body;
      },
      { timeoutMs: 60_000 },
    );

    const auditor = ServiceTokenSource.fromSettings({
      environment: 'test',
      subject: 'auditor-test',
      roles: ['auditor'],
      privateKeyFile,
      issuer: fx.service.issuer.issuer,
      audience: fx.service.issuer.audience,
    }) as ServiceTokenSource;
    const headers = await auditor.headers();
    const meta = (await (
      await fetch(`${evidence!.url}/evidence/objects/${letter.evidenceObjectId}`, { headers })
    ).json()) as Record<string, unknown>;
    expect(meta).toMatchObject({
      kind: 'notice',
      batchNumber: b,
      status: 'stored',
      contentType: 'application/pdf',
      fileName: `${letter.letterNumber}.pdf`,
      uploader: 'service:enforcement',
      sha256: letter.evidenceSha256,
    });
    const ticket = (await (
      await fetch(`${evidence!.url}/evidence/objects/${letter.evidenceObjectId}/download`, {
        method: 'POST',
        headers,
      })
    ).json()) as { url: string };
    const bytes = Buffer.from(await (await fetch(ticket.url)).arrayBuffer());
    expect(sha256(bytes)).toBe(letter.evidenceSha256);
    const dir = mkdtempSync(path.join(tmpdir(), 'qis-letter-'));
    try {
      writeFileSync(path.join(dir, 'stored.pdf'), bytes);
      const text = execFileSync('pdftotext', ['stored.pdf', '-'], { cwd: dir })
        .toString()
        .replace(/\s+/g, '');
      expect(text).toContain('案件移送函');
      expect(text).toContain(letter.letterNumber);
      for (const n of stored) {
        expect(text).toContain(n.evidenceObjectId as string);
        expect(text).toContain(n.evidenceSha256 as string);
        expect(text).toContain(n.noticeNumber);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
