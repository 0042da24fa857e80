import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  dateInWords,
  expectEventually,
  startEvidenceProcess,
  TestIssuer,
  type EvidenceProcess,
} from '@qis/testing';
import { EnforcementFixture } from '../testing/enforcement-fixture';
import { uploadLabReport } from '../testing/lab-report';

jest.setTimeout(180_000);

interface NoticeBody {
  id: string;
  kind: string;
  recipient: string;
  noticeNumber: string;
  evidenceObjectId: string | null;
  evidenceSha256: string | null;
  evidenceLastError: string | null;
}

/** Each page's text as pdftotext reads it (pages split at form feeds), whitespace removed. */
const pagesOf = (pdf: Buffer): string[] => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qis-notice-'));
  writeFileSync(path.join(dir, 'n.pdf'), pdf);
  return execFileSync('pdftotext', ['n.pdf', '-'], { cwd: dir })
    .toString()
    .split('\f')
    .map((page) => page.replace(/\s+/g, ''))
    .filter((page) => page.length > 0);
};

/**
 * A result notice goes out with the lab's signed report (operating rules §6): enforcement reads the
 * report the lab uploaded from the evidence service (its own process, own database and bucket) and
 * appends its pages to the notice's; without the report there is no notice PDF, stored or served.
 */
describe('result notice with the lab report attached', () => {
  let evidence: EvidenceProcess;
  let fx: EnforcementFixture;
  const labClient = {
    headers: () => TestIssuer.shared().headers({ roles: ['lab'], labId: 'L001', sub: 'lab-user-L001' }),
  };

  beforeAll(async () => {
    evidence = await startEvidenceProcess();
    fx = await EnforcementFixture.start({
      EVIDENCE_URL: evidence.url,
      SERVICE_TOKEN_PRIVATE_KEY_FILE: TestIssuer.shared().privateKeyFile,
      NOTICE_STORE_INTERVAL_MS: '300',
    });
  });

  afterAll(async () => {
    await fx?.stop();
    await evidence?.stop();
  });

  const all = async (b: string): Promise<NoticeBody[]> =>
    (await fx.call<NoticeBody[]>('GET', `/batches/${b}/notices`, { roles: ['auditor'] })).body;

  it('stores and serves the result notice followed by the pages of the report the lab uploaded', async () => {
    const b = 'HZ2026-930001';
    const reportNumber = 'ZJFZ2026-W-93001';
    const reportDocumentId = await uploadLabReport(evidence.url, labClient, b, reportNumber);
    await fx.batch(b, { report: { reportNumber, reportDocumentId } });
    await fx.notices<NoticeBody>(b, 'result', 3);

    let stored: NoticeBody[] = [];
    await expectEventually(async () => {
      stored = await all(b);
      expect(stored).toHaveLength(5);
      expect(stored.every((n) => n.evidenceObjectId !== null)).toBe(true);
    });
    const seller = stored.find((n) => n.kind === 'result' && n.recipient === 'seller') as NoticeBody;
    // The copy stored as evidence, read back from the evidence service.
    const ticket = (await (
      await fetch(`${evidence.url}/evidence/objects/${seller.evidenceObjectId}/download`, {
        method: 'POST',
        headers: await TestIssuer.shared().headers({ roles: ['auditor'], sub: 'auditor-test' }),
      })
    ).json()) as { url: string };
    const pdf = Buffer.from(await (await fetch(ticket.url)).arrayBuffer());
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(seller.evidenceSha256);
    // The PDF served by enforcement is the same document rendered again, report included.
    const served = await fetch(`${fx.service.url}/notices/${seller.id}/pdf`, {
      headers: await fx.service.auth({ roles: ['auditor'] }),
    });
    expect(served.status).toBe(200);
    expect(pagesOf(Buffer.from(await served.arrayBuffer()))).toEqual(pagesOf(pdf));

    const pages = pagesOf(pdf);
    const last = pages[pages.length - 1] as string;
    const notice = pages.slice(0, -1).join('');
    for (const field of [
      '杭州市市场监督管理局网络商品质量抽查检验结果通知书',
      `编号：${seller.noticeNumber}`,
      '杭州示例家纺有限公司：',
      '依据：《中华人民共和国产品质量法》第十五条、《流通领域商品质量抽查检验办法》',
      '权利告知',
      '自收到本通知书（或公告通知发布）之日起十五日内，向杭州市市场监督管理局提出书面复检申请',
      `附件：《检验报告》（检验机构：浙江示例纺织品检测研究院，报告编号：${reportNumber}）`,
      dateInWords(),
    ])
      // pdftotext joins a number wrapped at its hyphen without the hyphen: compare without them.
      expect(notice.replace(/-/g, '')).toContain(field.replace(/-/g, ''));
    expect(notice).not.toContain('：：');
    // The report's own page comes after the notice's pages, as the lab signed it.
    expect(notice).not.toContain('签发：王工');
    expect(last).toContain(`检验报告编号：${reportNumber}报告编号：${reportNumber}`);
    expect(last).toContain('签发：王工');

    // The sampling notice: one colon after the addressee, the rights with their periods in words.
    const sampling = stored.find((n) => n.kind === 'sampling' && n.recipient === 'platform') as NoticeBody;
    const samplingPdf = await fetch(`${fx.service.url}/notices/${sampling.id}/pdf`, {
      headers: await fx.service.auth({ roles: ['auditor'] }),
    });
    const [samplingText = ''] = pagesOf(Buffer.from(await samplingPdf.arrayBuffer()));
    expect(samplingText).toContain('杭州市市场监督管理局网络商品质量抽查检验通知书');
    expect(samplingText).not.toContain('：：');
    expect(samplingText).toContain('自收到检验结果之日起五个工作日内');
    expect(samplingText).toContain('之日起十五日内');
    expect(samplingText).toContain(dateInWords());
  });

  it('makes no result notice PDF while the report cannot be read: not stored, 503 naming the report, the sampling notices stored', async () => {
    const b = 'HZ2026-930002';
    const missing = randomUUID();
    await fx.batch(b, { report: { reportNumber: 'ZJFZ2026-W-93002', reportDocumentId: missing } });
    await fx.notices<NoticeBody>(b, 'result', 3);
    await expectEventually(async () => {
      const notices = await all(b);
      for (const n of notices.filter((x) => x.kind === 'sampling')) expect(n.evidenceObjectId).not.toBeNull();
      for (const n of notices.filter((x) => x.kind === 'result')) {
        expect(n.evidenceObjectId).toBeNull();
        expect(n.evidenceLastError).toContain(`is not made without its lab report ZJFZ2026-W-93002`);
        expect(n.evidenceLastError).toContain(missing);
      }
    });
    const result = (await all(b)).find((n) => n.kind === 'result') as NoticeBody;
    const res = await fetch(`${fx.service.url}/notices/${result.id}/pdf`, {
      headers: await fx.service.auth({ roles: ['auditor'] }),
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { message: string }).message).toContain(missing);
  });
});
