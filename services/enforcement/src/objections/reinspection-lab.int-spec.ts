import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  expectEventually,
  freePort,
  spawnService,
  TestIssuer,
  waitForReady,
  type ServiceProcess,
} from '@qis/testing';
import { DataSource } from 'typeorm';
import { endOfShanghaiDay, shanghaiDate, WorkingDayCalendar } from '@qis/domain';
import {
  EnforcementFixture,
  orderPlacedExample,
  reportIssuedExample,
  sampleSealedExample,
  materialsReceived,
} from '../testing/enforcement-fixture';
import { PROCEDURES_PERIOD_DAYS } from './objection-window';

jest.setTimeout(180_000);

interface ObjectionBody {
  id: string;
  status: string;
  reinspectionLabName: string | null;
  labNotifiedAt: string | null;
  completeBy: string | null;
  labNoticeReceivedAt?: string | null;
  proceduresPeriod?: string | null;
}

/**
 * The approval crosses the real Kafka to lab-gateway running as its own built process, which draws
 * a lab other than the original one; its sample-dispatched comes back and starts the 7 days.
 */
describe('re-inspection procedures period with the real lab-gateway', () => {
  let labGateway: ServiceProcess;
  let labGatewayDb: { name: string; drop(): Promise<void> };
  let fx: EnforcementFixture;
  const labName = '国家示例丝绸产品质量检验检测中心';

  beforeAll(async () => {
    labGatewayDb = await createTestDatabase('lab-gateway');
    labGateway = spawnService('lab-gateway', {
      DB_NAME: labGatewayDb.name,
      HTTP_PORT: String(await freePort()),
    });
    await waitForReady(labGateway);
    const res = await fetch(`${labGateway.url}/labs`, {
      method: 'POST',
      headers: {
        ...(await TestIssuer.shared().headers({ roles: ['admin'], sub: 'admin-test' })),
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        name: labName,
        address: '浙江省杭州市西湖区示例路1号',
        cmaNumber: 'CMA2026330001',
        cmaExpiresOn: '2030-12-31',
        qualificationLevel: 3,
        scopes: [
          {
            category: sampleSealedExample.value.category,
            standards: [sampleSealedExample.value.claimed.productStandard ?? 'GB/T 24252-2019'],
          },
        ],
        capacity: 100,
        turnaroundWorkingDays: 10,
        // Dispatch draws only among labs whose entrustment contract in force covers the category.
        contract: {
          contractNumber: 'WT-2026-920001',
          validFrom: '2026-01-01',
          validTo: '2030-12-31',
          turnaroundWorkingDays: 10,
          categories: [{ category: sampleSealedExample.value.category, priceFen: 80_000 }],
        },
      }),
    });
    if (res.status !== 201) throw new Error(`register lab: ${res.status} ${await res.text()}`);
    fx = await EnforcementFixture.start();
  });

  afterAll(async () => {
    await fx?.stop();
    await labGateway?.stop();
    await labGatewayDb?.drop();
  });

  it("issues the 《复检机构确定通知书》 once lab-gateway dispatched the backup sample to a different lab; the 7 days start at the applicant's receipt", async () => {
    const b = 'HZ2026-920001';
    const day = 86_400_000;
    await fx.batch(b, { report: { issuedAt: new Date(Date.now() - 5 * day).toISOString() } });
    // Received now: the 15-day objection period runs from today.
    const receivedAt = await fx.deliverAll(b);
    const officer = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-330100' };
    const approver = { roles: ['approver'], sub: 'approver-li' };
    const objection = await fx.call<ObjectionBody>('POST', `/batches/${b}/objections`, officer, {
      applicantRole: 'seller',
      applicantName: orderPlacedExample.value.seller.name,
      filedAt: receivedAt,
      materials: materialsReceived,
    });
    expect(objection.body.status).toBe('filed');
    const approved = await fx.call<ObjectionBody>(
      'POST',
      `/objections/${objection.body.id}/decision`,
      approver,
      {
        approve: true,
        reason: '同意复检',
      },
    );
    expect(approved.body).toMatchObject({ status: 'approved', completeBy: null });

    let known: ObjectionBody | undefined;
    await expectEventually(
      async () => {
        known = (await fx.call<ObjectionBody>('GET', `/objections/${objection.body.id}`, approver)).body;
        expect(known.labNotifiedAt).not.toBeNull();
      },
      { timeoutMs: 60_000 },
    );
    // The lab is known, but the 7 days wait for the applicant's receipt of the notice.
    expect(known).toMatchObject({
      status: 'approved',
      reinspectionLabName: labName,
      completeBy: null,
      proceduresPeriod: 'awaiting-receipt',
    });
    const noticeReceivedAt = new Date(await fx.receiveLabNotices(objection.body.id));
    const lastDay = WorkingDayCalendar.fromChineseDays().lastDayOfPeriod(
      shanghaiDate(noticeReceivedAt),
      PROCEDURES_PERIOD_DAYS,
    );
    expect(
      (await fx.call<ObjectionBody>('GET', `/objections/${objection.body.id}`, approver)).body,
    ).toMatchObject({
      labNoticeReceivedAt: noticeReceivedAt.toISOString(),
      completeBy: endOfShanghaiDay(lastDay).toISOString(),
      proceduresPeriod: 'running',
    });
    expect(labName).not.toBe(reportIssuedExample.value.labName);
    // The bureau told both the applicant and the drawn lab (《复检机构确定通知书》).
    const told = (await fx.service.app
      .get(DataSource)
      .query(
        'select recipient, recipient_name, lab_name from reinspection_lab_notice where objection_id = $1 order by recipient',
        [objection.body.id],
      )) as Array<Record<string, string>>;
    expect(told).toEqual([
      { recipient: 'applicant', recipient_name: orderPlacedExample.value.seller.name, lab_name: labName },
      { recipient: 'reinspection-lab', recipient_name: labName, lab_name: labName },
    ]);

    const done = await fx.call<ObjectionBody>(
      'POST',
      `/objections/${objection.body.id}/procedures-completed`,
      officer,
      { completedAt: new Date().toISOString() },
    );
    expect(done.body.status).toBe('re-inspecting');
  });
});
