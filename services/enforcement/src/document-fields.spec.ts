import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OrderPlaced, ReportIssued, SampleDispatched, SampleSealed } from '@qis/contracts';
import type { DocumentSpec } from '@qis/documents';
import { dateInWords } from '@qis/testing';
import { BatchFile } from './kernel/batch-file.entity';
import type { Clock } from './kernel/clock';
import type { Notice } from './notices/notice.entity';
import { resultNoticeText, samplingNoticeText } from './notices/notice-text';
import { RenderNoticePdfUseCase } from './notices/render-notice-pdf.usecase';
import { MATERIAL_ITEMS, type MaterialsChecklist } from './objections/objection-materials';
import type { Objection } from './objections/objection.entity';
import { reinspectionLabNoticeDocument } from './objections/record-reinspection-lab-notice-document';
import { RenderMaterialsChecklistUseCase } from './objections/render-materials-checklist.usecase';
import type { CaseRouter } from './routing/case-router';
import { draftTransferLetter } from './cases/transfer-letter/draft-transfer-letter';
import { PdfRenderer } from './documents/pdf-renderer';

const AUTHORITY = '杭州市市场监督管理局';
const ISSUED = new Date('2026-07-01T02:00:00Z'); // 二〇二六年七月一日, Asia/Shanghai
const order = OrderPlaced.example.value;
const sealed = SampleSealed.example.value;
const report = ReportIssued.example.value;
const router = { issuerName: AUTHORITY } as unknown as CaseRouter;
const pdf = new PdfRenderer();
// Only the document's wording is read here: no database, evidence service or delegations.
const notices = Object.create(RenderNoticePdfUseCase.prototype) as RenderNoticePdfUseCase;
Object.assign(notices, { pdf, router });

const notice = (over: Partial<Notice>): Notice =>
  ({ noticeNumber: 'JG2026-000001', channel: 'post', createdAt: ISSUED, ...over }) as Notice;

const received = Object.fromEntries(
  MATERIAL_ITEMS.map((item) => [
    item,
    {
      state: 'received',
      receivedAt: ISSUED.toISOString(),
      recordedBy: 'officer-zhang',
      recordedAt: ISSUED.toISOString(),
    },
  ]),
) as unknown as MaterialsChecklist;

const objection = {
  id: '0f0e0d0c-0b0a-4909-8807-060504030201',
  batchNumber: 'HZ2026-000123',
  applicantRole: 'seller',
  applicantName: order.seller.name,
  applicantUscc: null,
  agentName: null,
  status: 'filed',
  noticeReceivedAt: ISSUED,
  filedAt: ISSUED,
  windowLastDay: '2026-07-16',
  materials: received,
} as unknown as Objection;

const batch = Object.assign(new BatchFile(), {
  batchNumber: 'HZ2026-000123',
  order,
  sealed,
  initialReport: report,
  reinspectionReport: null,
  finalAt: ISSUED,
  finalBasis: 'no-objection',
});

interface Row {
  document: string;
  spec: () => DocumentSpec;
  /** The legal basis as the document words it, its rights with their periods in words. */
  basis: string;
  rights: string[];
}

/**
 * Every document the procedure requires (issue 16 item 6) states who issues it, on what basis, the
 * recipient's rights with their periods in words, and the date in words, as read back from the PDF.
 * None states administrative review or litigation: these are notices, records and a transfer within
 * the sampling procedure, not administrative acts deciding the recipient's rights (see
 * libs/documents/src/legal-wording.ts, on administrative remedies).
 */
const rows: Row[] = [
  {
    document: '抽检通知书 (sampling notice)',
    spec: () =>
      notices.document(
        notice({
          kind: 'sampling',
          content: samplingNoticeText('CJ2026-000001', order.seller.name, order, sealed),
        }),
        null,
      ),
    basis: '依据：《中华人民共和国产品质量法》第十五条',
    rights: [
      '自收到检验结果之日起五个工作日内',
      '自收到本通知书（或公告通知发布）之日起十五日内',
      '视为对检验结果无异议',
    ],
  },
  {
    document: '抽检结果通知书 (result notice)',
    spec: () =>
      notices.document(
        notice({
          kind: 'result',
          reportNumber: report.reportNumber,
          content: resultNoticeText('JG2026-000001', order.seller.name, order, sealed, report, false),
        }),
        report,
      ),
    basis: '依据：《中华人民共和国产品质量法》第十五条',
    rights: ['自收到本通知书（或公告通知发布）之日起十五日内', '提出书面复检申请', '视为对检验结果无异议'],
  },
  {
    document: '抽检结果公告 (public notice)',
    spec: () =>
      notices.document(
        notice({
          kind: 'result',
          channel: 'public-notice',
          reportNumber: report.reportNumber,
          content: resultNoticeText('JG2026-000002', order.seller.name, order, sealed, report, true),
        }),
        report,
      ),
    basis: '依据：《中华人民共和国产品质量法》第十五条',
    rights: ['自收到本通知书（或公告通知发布）之日起十五日内'],
  },
  {
    document: '复检结果通知书 (re-inspection result notice)',
    spec: () =>
      notices.document(
        notice({
          kind: 'reinspection-result',
          reportNumber: report.reportNumber,
          content: resultNoticeText(
            'JG2026-000003',
            order.seller.name,
            order,
            sealed,
            { ...report, purpose: 're-inspection' },
            false,
          ),
        }),
        report,
      ),
    basis: '依据：《中华人民共和国产品质量法》第十五条',
    rights: ['本复检结论为最终检验结论'],
  },
  {
    document: '复检机构确定通知书 (re-inspection lab notice)',
    spec: () =>
      reinspectionLabNoticeDocument({
        issuerName: AUTHORITY,
        noticeNumber: 'FJ2026-000001',
        recipient: 'applicant',
        objection,
        batch,
        dispatch: { ...SampleDispatched.example.value, purpose: 're-inspection', sampleRole: 'backup' },
        issuedAt: ISSUED,
      }),
    basis: '依据：《中华人民共和国产品质量法》第十五条',
    rights: ['自收到本通知书之日起七日内', '视为放弃复检'],
  },
  {
    document: '复检申请材料清单 (objection materials checklist)',
    spec: () => new RenderMaterialsChecklistUseCase(pdf, router, {} as Clock).document(objection, ISSUED),
    basis: '依据：',
    rights: ['在审批决定作出前补交缺失的材料', '自收到《复检机构确定通知书》之日起七日内'],
  },
  {
    document: '案件移送函 (transfer letter)',
    spec: () =>
      draftTransferLetter({
        letterNumber: 'YS2026-000001',
        issuerName: AUTHORITY,
        recipient: { kind: 'out-of-area-authority', areaCode: '330000', name: '浙江省市场监督管理局' },
        copiedTo: [],
        caseId: objection.id,
        policyRow: 'province-seller-outside-platform',
        batch,
        evidence: [],
        issuedAt: ISSUED,
      }),
    basis: '移送依据：',
    rights: ['自收到本函及所附材料之日起十五个工作日内', '指定管辖'],
  },
];

const pdftotext = (data: Buffer): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qis-fields-'));
  writeFileSync(path.join(dir, 'd.pdf'), data);
  return execFileSync('pdftotext', ['d.pdf', '-'], { cwd: dir }).toString();
};
const flat = (s: string): string => s.replace(/\s+/g, '');

describe('every document states authority, legal basis, rights with periods in words, and the date', () => {
  it.each(rows.map((r) => [r.document, r] as const))('%s', async (_name, row) => {
    const spec = row.spec();
    const text = flat(pdftotext(await pdf.render(spec)));
    expect(text).toContain(flat(`${AUTHORITY}${spec.title}`));
    expect(text).toContain(flat(row.basis));
    expect(text).toContain('权利告知');
    for (const right of row.rights) expect(text).toContain(flat(right));
    // Periods in words, never in digits ("十五日", not "15日").
    expect(text).not.toMatch(/\d+(个工作)?日内/);
    expect(text).toContain(dateInWords('2026-07-01'));
    expect(text).not.toContain('：：');
    expect(text).not.toMatch(/行政复议|行政诉讼/);
  });
});
