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
import { DataSource } from 'typeorm';
import {
  EnforcementFixture,
  materialsReceived,
  orderPlacedExample,
  reportIssuedExample,
  sampleSealedExample,
} from '../testing/enforcement-fixture';

jest.setTimeout(180_000);

interface LabNoticeRow {
  recipient: string;
  recipient_name: string;
  notice_number: string;
  evidence_object_id: string | null;
}

/**
 * Once lab-gateway names the re-inspection lab (sample-dispatched), the bureau issues the
 * 《复检机构确定通知书》 to the applicant and to the lab (operating rules §6), each stored as a Chinese
 * PDF through the evidence service (its own process, database and bucket).
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

  it('issues it to the applicant and to the lab, with authority, basis, the 7 days in words and the date, stored as evidence', async () => {
    const b = 'HZ2026-940001';
    await fx.batch(b);
    const receivedAt = await fx.deliverAll(b);
    const officer = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-330100' };
    const objection = await fx.call<{ id: string }>('POST', `/batches/${b}/objections`, officer, {
      applicantRole: 'seller',
      applicantName: orderPlacedExample.value.seller.name,
      filedAt: receivedAt,
      materials: materialsReceived,
    });
    await fx.call(
      'POST',
      `/objections/${objection.body.id}/decision`,
      { roles: ['approver'], sub: 'approver-li' },
      {
        approve: true,
        reason: '同意复检',
      },
    );
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
});
