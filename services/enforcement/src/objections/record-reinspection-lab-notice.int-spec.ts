import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SampleDispatched } from '@qis/contracts';
import {
  dateInWords,
  expectEventually,
  startEvidenceProcess,
  TestIssuer,
  type EvidenceProcess,
} from '@qis/testing';
import { endOfShanghaiDay, shanghaiDate } from '@qis/domain';
import { DataSource } from 'typeorm';
import {
  EnforcementFixture,
  materialsReceived,
  orderPlacedExample,
  reportIssuedExample,
  sampleSealedExample,
  type Claims,
  type LabNoticeBody,
} from '../testing/enforcement-fixture';
import { uploadLabReport } from '../testing/lab-report';
import { CalendarSource } from '../kernel/calendar-source';
import { PROCEDURES_PERIOD_DAYS } from './objection-window';

jest.setTimeout(180_000);

interface LabNoticeRow {
  recipient: string;
  recipient_name: string;
  notice_number: string;
  evidence_object_id: string | null;
}

interface ObjectionBody {
  id: string;
  status: string;
  labNoticeReceivedAt: string | null;
  completeBy: string | null;
  proceduresPeriod: string | null;
}

interface ErrorBody {
  message: string;
  errors?: Array<{ field: string; reasons: string[] }>;
}

const officer: Claims = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-330100' };
const secondOfficer: Claims = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-wang' };
const approver: Claims = { roles: ['approver'], sub: 'approver-li' };
const DAY = 86_400_000;

/**
 * Once lab-gateway names the re-inspection lab (sample-dispatched), the bureau issues the
 * 《复检机构确定通知书》 to the applicant and to the lab (operating rules §6), each stored as a Chinese
 * PDF through the evidence service (its own process, database and bucket). Its delivery is recorded
 * (how, when, by whom received), only once its PDF is stored, and the 7 days for the procedures run
 * from the applicant's receipt of it, not from the dispatch.
 */
describe('re-inspection lab notice (复检机构确定通知书)', () => {
  let evidence: EvidenceProcess;
  let fx: EnforcementFixture;
  const labName = '国家示例丝绸产品质量检验检测中心';

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

  const lab = {
    headers: () => TestIssuer.shared().headers({ roles: ['lab'], labId: 'L001', sub: 'lab-user-L001' }),
  };

  /** A failed batch whose seller objected, re-inspection approved and the lab drawn: its lab notices. */
  const approvedWithLab = async (
    b: string,
  ): Promise<{ objection: string; notices: LabNoticeBody[]; dispatchedAt: string }> => {
    const reportNumber = `ZJFZ2026-W-${b.slice(-5)}`;
    const reportDocumentId = await uploadLabReport(evidence.url, lab, b, reportNumber);
    await fx.batch(b, { report: { reportNumber, reportDocumentId } });
    const receivedAt = await fx.deliverAll(b);
    const filed = await fx.call<{ id: string }>('POST', `/batches/${b}/objections`, officer, {
      applicantRole: 'seller',
      applicantName: orderPlacedExample.value.seller.name,
      filedAt: receivedAt,
      materials: materialsReceived,
    });
    expect(filed.status).toBe(201);
    const decided = await fx.call('POST', `/objections/${filed.body.id}/decision`, approver, {
      approve: true,
      reason: '同意复检',
    });
    expect(decided.status).toBe(200);
    const dispatchedAt = (await fx.now()).toISOString();
    await fx.dispatchReinspection(b, dispatchedAt);
    return { objection: filed.body.id, notices: await fx.labNotices(filed.body.id), dispatchedAt };
  };
  const objectionOf = async (id: string) =>
    (await fx.call<ObjectionBody>('GET', `/objections/${id}`, approver)).body;
  const deliver = (n: LabNoticeBody, body: Record<string, unknown>, who: Claims = officer) =>
    fx.call<LabNoticeBody & ErrorBody>('POST', `/reinspection-lab-notices/${n.id}/delivery`, who, body);
  const applicantOf = (notices: LabNoticeBody[]) => notices.find((n) => n.recipient === 'applicant')!;
  const labOf = (notices: LabNoticeBody[]) => notices.find((n) => n.recipient === 'reinspection-lab')!;
  // The service's calendar: the clock may have run into a year loaded through the API (2027).
  const completeByFrom = async (receivedAt: string) =>
    endOfShanghaiDay(
      (await fx.service.app.get(CalendarSource).current()).lastDayOfPeriod(
        shanghaiDate(new Date(receivedAt)),
        PROCEDURES_PERIOD_DAYS,
      ),
    ).toISOString();

  it('issues it to the applicant and to the lab, with authority, basis, the 7 days in words and the date, stored as evidence', async () => {
    const b = 'HZ2026-940001';
    const reportDocumentId = await uploadLabReport(
      evidence.url,
      lab,
      b,
      reportIssuedExample.value.reportNumber,
    );
    await fx.batch(b, { report: { reportDocumentId } });
    const receivedAt = await fx.deliverAll(b);
    const objection = await fx.call<{ id: string }>('POST', `/batches/${b}/objections`, officer, {
      applicantRole: 'seller',
      applicantName: orderPlacedExample.value.seller.name,
      filedAt: receivedAt,
      materials: materialsReceived,
    });
    await fx.call('POST', `/objections/${objection.body.id}/decision`, approver, {
      approve: true,
      reason: '同意复检',
    });
    await fx.emit(SampleDispatched, b, {
      ...SampleDispatched.example.value,
      batchNumber: b,
      purpose: 're-inspection',
      reinspectionOfReport: reportIssuedExample.value.reportNumber,
      sampleRole: 'backup',
      sealNumber: sampleSealedExample.value.backupSample.sealNumber,
      labName,
      dispatchedAt: new Date().toISOString(),
    });

    const db = fx.service.app.get(DataSource);
    let rows: LabNoticeRow[] = [];
    await expectEventually(
      async () => {
        rows = (await db.query(
          `select recipient, recipient_name, notice_number, evidence_object_id from reinspection_lab_notice
            where objection_id = $1 order by recipient`,
          [objection.body.id],
        )) as LabNoticeRow[];
        expect(rows.map((r) => r.recipient)).toEqual(['applicant', 'reinspection-lab']);
        expect(rows.every((r) => r.evidence_object_id !== null)).toBe(true);
      },
      { timeoutMs: 60_000 },
    );
    expect(rows.map((r) => r.recipient_name)).toEqual([orderPlacedExample.value.seller.name, labName]);

    const auditor = await TestIssuer.shared().headers({ roles: ['auditor'], sub: 'auditor-test' });
    for (const row of rows) {
      const ticket = (await (
        await fetch(`${evidence.url}/evidence/objects/${row.evidence_object_id}/download`, {
          method: 'POST',
          headers: auditor,
        })
      ).json()) as { url: string };
      const dir = mkdtempSync(path.join(tmpdir(), 'qis-fj-'));
      writeFileSync(path.join(dir, 'n.pdf'), Buffer.from(await (await fetch(ticket.url)).arrayBuffer()));
      const text = execFileSync('pdftotext', ['n.pdf', '-'], { cwd: dir }).toString();
      const flat = text.replace(/\s+/g, '');
      expect(text).not.toContain('：：');
      for (const field of [
        '杭州市市场监督管理局复检机构确定通知书',
        `编号：${row.notice_number}`,
        `${row.recipient_name}：`,
        `现确定${labName}为复检机构`,
        `原检验机构：${reportIssuedExample.value.labName}`,
        `原检验报告编号：${reportIssuedExample.value.reportNumber}`,
        `复检样品：备份样品（封样条编号：${sampleSealedExample.value.backupSample.sealNumber}）`,
        '依据：《中华人民共和国产品质量法》第十五条',
        '权利告知',
        '复检申请人、复检机构应当自收到本通知书之日起七日内，到本局办理复检手续',
        '视为放弃复检',
        dateInWords(),
        `抄送：${row.recipient === 'applicant' ? labName : orderPlacedExample.value.seller.name}`,
      ])
        expect(flat.replace(/-/g, '')).toContain(field.replace(/\s+/g, '').replace(/-/g, ''));
    }
  });

  // Each row: what is on record for the two notices some days after the dispatch, and the period it gives.
  const rows: Array<{
    name: string;
    afterDays: number;
    record: (notices: LabNoticeBody[]) => Promise<void>;
    period: 'awaiting-receipt' | 'running';
  }> = [
    {
      name: 'the lab received its notice, the applicant not yet: pending',
      afterDays: 2,
      record: async (notices) => {
        const at = (await fx.now()).toISOString();
        const res = await deliver(labOf(notices), {
          channel: 'email',
          sentAt: at,
          receivedAt: at,
          receivedBy: '复检机构业务受理室',
        });
        expect(res.status).toBe(200);
      },
      period: 'awaiting-receipt',
    },
    {
      name: 'sent to the applicant by post, not received yet: pending',
      afterDays: 1,
      record: async (notices) => {
        const res = await deliver(applicantOf(notices), {
          channel: 'post',
          sentAt: (await fx.now()).toISOString(),
        });
        expect(res.status).toBe(200);
      },
      period: 'awaiting-receipt',
    },
    {
      name: 'returned to sender: pending, the failure on record',
      afterDays: 3,
      record: async (notices) => {
        const at = (await fx.now()).toISOString();
        const failed = await fx.call<LabNoticeBody>(
          'POST',
          `/reinspection-lab-notices/${applicantOf(notices).id}/delivery-failure`,
          officer,
          { reason: 'returned', channel: 'post', sentAt: at, failedAt: at, note: '邮件退回，批注“查无此人”' },
        );
        expect(failed.status).toBe(200);
        expect(failed.body).toMatchObject({ deliveryFailureReason: 'returned', receivedAt: null });
      },
      period: 'awaiting-receipt',
    },
    {
      name: 'the applicant received it three days after the dispatch: the 7 days run from that day',
      afterDays: 3,
      record: async (notices) => {
        const at = (await fx.now()).toISOString();
        const res = await deliver(applicantOf(notices), {
          channel: 'in-person',
          sentAt: at,
          receivedAt: at,
          receivedBy: '王某（经营者委托代理人）',
        });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          receivedBy: '王某（经营者委托代理人）',
          deliveryRecordedBy: 'officer-330100',
        });
      },
      period: 'running',
    },
  ];

  it.each(rows.map((r, i) => [r.name, i] as const))(
    "counts the 7-day procedures period from the applicant's receipt: %s",
    async (_name, i) => {
      const row = rows[i]!;
      const { objection, notices, dispatchedAt } = await approvedWithLab(
        `HZ2026-9410${String(i + 1).padStart(2, '0')}`,
      );
      expect(await objectionOf(objection)).toMatchObject({
        completeBy: null,
        proceduresPeriod: 'awaiting-receipt',
      });
      await fx.advance(row.afterDays * DAY);
      await row.record(notices);
      const after = await objectionOf(objection);
      expect(after.proceduresPeriod).toBe(row.period);
      if (row.period === 'running') {
        expect(after.completeBy).toBe(await completeByFrom(after.labNoticeReceivedAt as string));
        // Not the dispatch's seventh day: the period ends later by the days the notice took.
        expect(Date.parse(after.completeBy as string)).toBeGreaterThan(
          Date.parse(await completeByFrom(dispatchedAt)),
        );
      } else {
        expect(after).toMatchObject({ completeBy: null, labNoticeReceivedAt: null });
        // Past the dispatch's seventh day, nothing is waived while the applicant has not received it.
        await fx.advance(9 * DAY);
        await fx.scan();
        expect((await objectionOf(objection)).status).toBe('approved');
      }
    },
  );

  it('a late-recorded receipt waits for a second officer; a receipt without its signer is 422', async () => {
    const { objection, notices } = await approvedWithLab('HZ2026-941101');
    const now = await fx.now();
    const unsigned = await deliver(applicantOf(notices), {
      channel: 'post',
      sentAt: now.toISOString(),
      receivedAt: now.toISOString(),
    });
    expect(unsigned.status).toBe(422);
    expect(unsigned.body.errors?.map((e) => e.field)).toEqual(['receivedBy']);
    await fx.advance(2 * DAY);
    const yesterday = new Date((await fx.now()).getTime() - DAY).toISOString();
    const noReason = await deliver(applicantOf(notices), {
      channel: 'post',
      sentAt: now.toISOString(),
      receivedAt: yesterday,
      receivedBy: '张某',
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors?.map((e) => e.field)).toEqual(['receivedAt']);
    const pending = await deliver(applicantOf(notices), {
      channel: 'post',
      sentAt: now.toISOString(),
      receivedAt: yesterday,
      receivedBy: '张某',
      receiptReason: '邮政EMS回执 EA000000001CN，签收人张某',
    });
    expect(pending.status).toBe(200);
    expect((await objectionOf(objection)).proceduresPeriod).toBe('awaiting-receipt');
    const confirm = (who: Claims) =>
      fx.call<ErrorBody & { rule?: string }>(
        'POST',
        `/reinspection-lab-notices/${applicantOf(notices).id}/receipt-confirmation`,
        who,
        { receivedAt: yesterday, note: '核对邮政回执原件' },
      );
    const self = await confirm(officer);
    expect(self.status).toBe(409);
    expect(self.body.rule).toBe('four-eyes');
    expect((await confirm(secondOfficer)).status).toBe(200);
    const after = await objectionOf(objection);
    expect(after).toMatchObject({
      labNoticeReceivedAt: yesterday,
      completeBy: await completeByFrom(yesterday),
      proceduresPeriod: 'running',
    });
  });

  it('shows an officer of another district nothing of the notices: 404 with no data', async () => {
    const { objection, notices } = await approvedWithLab('HZ2026-941201');
    const foreign: Claims = { roles: ['enforcement-officer'], jurisdiction: '330108', sub: 'officer-330108' };
    const at = (await fx.now()).toISOString();
    for (const [method, path, body] of [
      ['GET', `/objections/${objection}/lab-notices`, undefined],
      ['GET', `/reinspection-lab-notices/${applicantOf(notices).id}/pdf`, undefined],
      [
        'POST',
        `/reinspection-lab-notices/${applicantOf(notices).id}/delivery`,
        { channel: 'post', sentAt: at, receivedAt: at, receivedBy: '张某' },
      ],
      [
        'POST',
        `/reinspection-lab-notices/${applicantOf(notices).id}/delivery-failure`,
        { reason: 'refused', sentAt: at, failedAt: at },
      ],
      [
        'POST',
        `/reinspection-lab-notices/${applicantOf(notices).id}/receipt-confirmation`,
        { receivedAt: at },
      ],
    ] as const) {
      const res = await fetch(`${fx.service.url}${path}`, {
        method,
        headers: { ...(await fx.service.auth(foreign)), 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      expect([path, res.status]).toEqual([path, 404]);
      for (const n of notices) expect(text).not.toContain(n.noticeNumber);
      expect(text).not.toContain(orderPlacedExample.value.seller.name);
    }
    expect((await objectionOf(objection)).proceduresPeriod).toBe('awaiting-receipt');
  });
});
