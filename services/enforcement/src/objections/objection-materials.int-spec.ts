import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ObjectionFiled, ReinspectionRequested, ResultFinal } from '@qis/contracts';
import { EnforcementFixture, orderPlacedExample, type Claims } from '../testing/enforcement-fixture';

jest.setTimeout(180_000);

interface MaterialBody {
  item: string;
  label: string;
  required: boolean;
  state: string;
  receivedAt: string | null;
  recordedBy: string;
  recordedAt: string;
}
interface ObjectionBody {
  id: string;
  status: string;
  agentName: string | null;
  filedAt: string;
  filingReason: string | null;
  filingRecordedBy: string | null;
  filingConfirmedBy: string | null;
  materials: Record<string, string>;
  checklist: MaterialBody[];
  missingMaterials: string[];
}
interface ErrorBody {
  message: string;
  rule?: string;
  errors?: Array<{ field: string; reasons: string[] }>;
}

const officer: Claims = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-chen' };
const secondOfficer: Claims = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-lin' };
const approver: Claims = { roles: ['approver'], sub: 'approver-li' };
const auditor: Claims = { roles: ['auditor'], sub: 'auditor-1' };
const DAY = 86_400_000;
const seller = orderPlacedExample.value.seller;
const fields = (b: ErrorBody): string[] => (b.errors ?? []).map((e) => e.field).sort();
const allReceived = {
  noticeReceipt: 'received',
  writtenApplication: 'received',
  proofOfStanding: 'received',
  powerOfAttorney: 'received',
  authorisedPersonId: 'received',
};

/**
 * Operating rules §6: the approver decides on the application's materials (检验结果通知书回执、
 * 书面复检申请书、主体资格证明、授权委托书、被授权人身份证明), each recorded received or missing
 * and kept up to date before the decision; a filing dated on an earlier day than it is recorded
 * counts only once a second officer confirms it.
 */
describe('the objection materials checklist and back-dated filings, on the real PostgreSQL and Kafka', () => {
  let fx: EnforcementFixture;

  beforeAll(async () => {
    fx = await EnforcementFixture.start();
  }, 120_000);
  afterAll(() => fx?.stop());

  /** A batch whose result notices were delivered and received now. */
  const notifiedBatch = async (): Promise<string> => {
    const b = `HZ2026-${String(randomInt(700_000, 799_999))}`;
    await fx.batch(b);
    await fx.notices(b, 'result', 3);
    await fx.deliverAll(b);
    return b;
  };

  const file = (b: string, body: Record<string, unknown>) =>
    fx.call<ObjectionBody & ErrorBody>('POST', `/batches/${b}/objections`, officer, {
      applicantRole: 'seller',
      applicantName: seller.name,
      applicantUnifiedSocialCreditCode: seller.unifiedSocialCreditCode,
      ...body,
    });

  const checklistText = async (id: string): Promise<string> => {
    const res = await fetch(`${fx.service.url}/objections/${id}/materials/pdf`, {
      headers: await fx.service.auth(approver),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'checklist-'));
    try {
      writeFileSync(join(dir, 'checklist.pdf'), Buffer.from(await res.arrayBuffer()));
      return execFileSync('pdftotext', ['checklist.pdf', '-'], { cwd: dir }).toString();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('refuses to approve a re-inspection while proof of standing is missing (422 naming it), records it received later with who and when, then approves', async () => {
    const b = await notifiedBatch();
    const filedAt = (await fx.now()).toISOString();
    const filed = await file(b, {
      filedAt,
      materials: {
        ...allReceived,
        proofOfStanding: 'missing',
        powerOfAttorney: 'missing',
        authorisedPersonId: 'missing',
      },
    });
    expect(filed.status).toBe(201);
    // Filed by the applicant itself: the agent's items are not required.
    expect(filed.body.missingMaterials).toEqual(['proofOfStanding']);
    expect(filed.body.checklist.find((m) => m.item === 'powerOfAttorney')).toMatchObject({
      required: false,
      state: 'missing',
    });
    expect(filed.body.checklist.find((m) => m.item === 'writtenApplication')).toMatchObject({
      required: true,
      state: 'received',
      receivedAt: filedAt,
      recordedBy: officer.sub,
    });
    const id = filed.body.id;

    const before = await checklistText(id);
    for (const word of [
      '复检申请材料清单',
      '依据',
      '权利告知',
      '杭州市市场监督管理局',
      seller.name,
      seller.unifiedSocialCreditCode as string,
      '检验结果通知书回执',
      '书面复检申请书',
      '复检申请人的主体资格证明',
      '授权委托书',
      '被授权人身份证明',
      '缺失',
      '已收到',
      '尚缺必需材料：复检申请人的主体资格证明',
      '操作规程',
    ])
      expect(before).toContain(word);

    const refused = await fx.call<ErrorBody>('POST', `/objections/${id}/decision`, approver, {
      approve: true,
      reason: '同意复检',
    });
    expect(refused.status).toBe(422);
    expect(fields(refused.body)).toEqual(['materials.proofOfStanding']);
    expect(refused.body.message).toContain('主体资格证明');
    expect(await fx.published(ReinspectionRequested, b)).toHaveLength(0);

    // Received two hours later: recorded with who and when; not before the filing, not in the future.
    await fx.advance(2 * 3_600_000);
    const receivedAt = new Date((await fx.now()).getTime() - 60_000).toISOString();
    const early = await fx.call<ErrorBody>('POST', `/objections/${id}/materials`, secondOfficer, {
      item: 'proofOfStanding',
      receivedAt: new Date(Date.parse(filedAt) - DAY).toISOString(),
    });
    expect(early.status).toBe(422);
    expect(fields(early.body)).toEqual(['receivedAt']);
    const future = await fx.call<ErrorBody>('POST', `/objections/${id}/materials`, secondOfficer, {
      item: 'proofOfStanding',
      receivedAt: new Date((await fx.now()).getTime() + DAY).toISOString(),
    });
    expect(future.status).toBe(422);
    expect(fields(future.body)).toEqual(['receivedAt']);
    const unknown = await fx.call<ErrorBody>('POST', `/objections/${id}/materials`, secondOfficer, {
      item: 'businessLicence',
      receivedAt,
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('item');

    const recorded = await fx.call<ObjectionBody>('POST', `/objections/${id}/materials`, secondOfficer, {
      item: 'proofOfStanding',
      receivedAt,
      note: '申请人补交营业执照复印件（加盖公章）',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.missingMaterials).toEqual([]);
    expect(recorded.body.materials.proofOfStanding).toBe('received');
    expect(recorded.body.checklist.find((m) => m.item === 'proofOfStanding')).toMatchObject({
      state: 'received',
      receivedAt,
      recordedBy: secondOfficer.sub,
    });
    const twice = await fx.call<ErrorBody>('POST', `/objections/${id}/materials`, officer, {
      item: 'proofOfStanding',
      receivedAt,
    });
    expect(twice.status).toBe(409);
    expect(await checklistText(id)).toContain('材料齐全');

    const approved = await fx.call<ObjectionBody>('POST', `/objections/${id}/decision`, approver, {
      approve: true,
      reason: '申请材料齐全，同意复检',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(await fx.published(ReinspectionRequested, b)).toHaveLength(1);

    const audit = await fx.call<{
      items: Array<{ action: string; actor: string; detail: Record<string, unknown> }>;
    }>('GET', `/audit?entityType=objection&entityId=${id}`, auditor);
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'objection.material-received',
          actor: secondOfficer.sub,
          detail: expect.objectContaining({ item: 'proofOfStanding', receivedAt, stillMissing: [] }),
        }),
      ]),
    );
  });

  it('requires the power of attorney and the agent’s ID when an agent files; a refusal names what was missing and closes the checklist', async () => {
    const b = await notifiedBatch();
    const filed = await file(b, {
      filedAt: (await fx.now()).toISOString(),
      agentName: '王某某',
      materials: { ...allReceived, powerOfAttorney: 'missing', authorisedPersonId: 'missing' },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.agentName).toBe('王某某');
    expect(filed.body.missingMaterials).toEqual(['powerOfAttorney', 'authorisedPersonId']);
    const id = filed.body.id;

    const refused = await fx.call<ErrorBody>('POST', `/objections/${id}/decision`, approver, {
      approve: true,
      reason: '同意复检',
    });
    expect(refused.status).toBe(422);
    expect(fields(refused.body)).toEqual(['materials.authorisedPersonId', 'materials.powerOfAttorney']);

    const rejected = await fx.call<ObjectionBody>('POST', `/objections/${id}/decision`, approver, {
      approve: false,
      reason: '委托他人办理但未提交授权委托书和被授权人身份证明，不予复检',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      missingMaterials: ['powerOfAttorney', 'authorisedPersonId'],
    });
    const text = await checklistText(id);
    expect(text).toContain('王某某');
    expect(text).toContain('尚缺必需材料：授权委托书、被授权人身份证明');

    const late = await fx.call<ErrorBody>('POST', `/objections/${id}/materials`, officer, {
      item: 'powerOfAttorney',
      receivedAt: (await fx.now()).toISOString(),
    });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('rejected');

    const audit = await fx.call<{ items: Array<{ action: string; detail: Record<string, unknown> }> }>(
      'GET',
      `/audit?entityType=objection&entityId=${id}`,
      auditor,
    );
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'objection.reject',
          detail: expect.objectContaining({ missingMaterials: ['powerOfAttorney', 'authorisedPersonId'] }),
        }),
      ]),
    );
  });

  it('accepts a filing dated before today only with a reason and a second officer’s confirmation, holding the result open meanwhile; refuses one in the future', async () => {
    const b = await notifiedBatch();
    const filedAt = new Date((await fx.now()).getTime() + 60_000).toISOString();
    // The application came by post on day 2 and is recorded on day 4.
    await fx.advance(2 * DAY);
    await fx.advance(2 * DAY);

    const future = await file(b, {
      filedAt: new Date((await fx.now()).getTime() + DAY).toISOString(),
      materials: allReceived,
    });
    expect(future.status).toBe(422);
    expect(fields(future.body)).toEqual(['filedAt']);
    const noReason = await file(b, { filedAt, materials: allReceived });
    expect(noReason.status).toBe(422);
    expect(fields(noReason.body)).toEqual(['filedAt']);
    expect(noReason.body.message).toContain('filingReason');

    const filingReason = '申请书经邮政EMS寄达，签收日期见邮件详情单';
    const pending = await file(b, { filedAt, filingReason, materials: allReceived });
    expect(pending.status).toBe(201);
    expect(pending.body).toMatchObject({
      status: 'filed',
      filingAwaitingConfirmation: true,
      filedAt,
      filingReason,
      filingRecordedBy: officer.sub,
      filingConfirmedBy: null,
    });
    const id = pending.body.id;
    expect(await fx.published(ObjectionFiled, b)).toHaveLength(0);
    const early = await fx.call<ErrorBody>('POST', `/objections/${id}/decision`, approver, {
      approve: true,
      reason: '同意复检',
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('awaiting-confirmation');
    const listed = await fx.call<{ items: Array<{ id: string }> }>(
      'GET',
      `/objections?status=awaiting-confirmation&batchNumber=${b}`,
      secondOfficer,
    );
    expect(listed.body.items.map((o) => o.id)).toEqual([id]);

    // The 15 days run out while it waits: the result is not made final under it.
    await fx.windowsRunOut();
    expect(await fx.published(ResultFinal, b)).toHaveLength(0);

    const self = await fx.call<ErrorBody>('POST', `/objections/${id}/filing-confirmation`, officer, {
      filedAt,
    });
    expect(self.status).toBe(409);
    expect(self.body.rule).toBe('four-eyes');
    const other = await fx.call<ErrorBody>('POST', `/objections/${id}/filing-confirmation`, secondOfficer, {
      filedAt: new Date(Date.parse(filedAt) - 3_600_000).toISOString(),
    });
    expect(other.status).toBe(422);
    expect(fields(other.body)).toEqual(['filedAt']);

    const confirmed = await fx.call<ObjectionBody>(
      'POST',
      `/objections/${id}/filing-confirmation`,
      secondOfficer,
      { filedAt, note: '核对邮件详情单原件，寄达日期一致' },
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'filed',
      filingAwaitingConfirmation: false,
      filingRecordedBy: officer.sub,
      filingConfirmedBy: secondOfficer.sub,
    });
    expect(await fx.published(ObjectionFiled, b)).toEqual([
      expect.objectContaining({ objectionId: id, filedAt }),
    ]);
    const again = await fx.call<ErrorBody>('POST', `/objections/${id}/filing-confirmation`, secondOfficer, {
      filedAt,
    });
    expect(again.status).toBe(409);

    const approved = await fx.call<ObjectionBody>('POST', `/objections/${id}/decision`, approver, {
      approve: true,
      reason: '申请在法定期限内提出，材料齐全，同意复检',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
  });
});
