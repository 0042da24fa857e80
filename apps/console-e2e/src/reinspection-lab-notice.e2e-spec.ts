import { randomInt } from 'node:crypto';
import { OrderPlaced, ReportIssued, SampleDispatched, SampleSealed } from '@qis/contracts';
import { kafkaConnection } from '@qis/messaging';
import { expectEventually, sendEvents, TestIssuer, type TestClaims } from '@qis/testing';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, screenshot, signIn } from './browser';
import { captureAs, violations } from './capture';
import { startConsoleStack, type ConsoleStack } from './console-harness';
import { knowYear2027 } from './holiday-year';
import { storeLabReport } from './lab-report';

jest.setTimeout(900_000);

const admin: TestClaims = { roles: ['admin'], sub: 'admin-e2e' };
const approver: TestClaims = { roles: ['approver'], sub: 'approver-e2e' };
const cityOfficer: TestClaims = {
  roles: ['enforcement-officer'],
  jurisdiction: '330100',
  sub: 'officer-city-e2e',
};

interface LabNoticeBody {
  id: string;
  recipient: string;
  supersededAt: string | null;
  evidenceObjectId: string | null;
}

/**
 * The 《复检机构确定通知书》 on the objection page, in a real browser signed in on Keycloak: once the
 * re-inspection lab is drawn, the page lists the notice to the applicant and to the lab and says the
 * 7 days for the procedures have not started; a 滨江 officer records the applicant's receipt (who
 * signed for it) and the page shows the period running to its last day.
 */
describe('the staff console: the re-inspection lab notice and its delivery', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  let producer: Producer;
  const batchNumber = `HZ2026-${randomInt(100_000, 890_000)}`;
  let objectionId = '';

  const call = async <T>(method: string, route: string, claims: TestClaims, body?: unknown) => {
    const res = await fetch(`${stack.services.url.enforcement}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${await TestIssuer.shared().sign(claims)}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const now = async () => (await call<{ now: string }>('GET', '/ops/clock', admin)).body.now;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    await knowYear2027(stack.services.url.enforcement);
    producer = new Kafka({
      clientId: 'console-e2e-lab-notice',
      ...kafkaConnection(),
      logLevel: logLevel.NOTHING,
    }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    // A failed batch bought on a platform registered in 滨江, its report stored as a lab would.
    const reportNumber = `ZJFZ2026-W-${batchNumber.slice(-6)}`;
    const reportDocumentId = await storeLabReport(stack.services.url.evidence, batchNumber, reportNumber);
    const platform = OrderPlaced.example.value.platform!;
    const send = <V extends object>(contract: Parameters<typeof sendEvents<V>>[1], value: V, from: string) =>
      sendEvents(producer, contract, [{ key: batchNumber, value }], from);
    await send(
      OrderPlaced,
      {
        ...OrderPlaced.example.value,
        batchNumber,
        platform: { ...platform, operatorRegisteredAreaCode: '330108' },
      },
      'purchasing',
    );
    await send(
      SampleSealed,
      { ...SampleSealed.example.value, batchNumber, sampleCode: `${batchNumber}-S` },
      'evidence',
    );
    await send(
      ReportIssued,
      {
        ...ReportIssued.example.value,
        batchNumber,
        sampleCode: `${batchNumber}-S`,
        reportNumber,
        reportDocumentId,
      },
      'lab-gateway',
    );
    // The result notices received today (each once its PDF is stored), the seller objects, the
    // approver grants the re-inspection, and lab-gateway names the lab.
    const notices = await expectEventually(
      async () => {
        const res = await call<
          Array<{ id: string; kind: string; channel: string; evidenceObjectId: string | null }>
        >('GET', `/batches/${batchNumber}/notices`, approver);
        const result = res.body.filter((n) => n.kind === 'result' && n.channel !== 'public-notice');
        expect(result.length).toBeGreaterThan(0);
        expect(result.filter((n) => !n.evidenceObjectId)).toEqual([]);
        return result;
      },
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
    const at = await now();
    for (const n of notices)
      expect(
        (await call('POST', `/notices/${n.id}/delivery`, cityOfficer, { sentAt: at, receivedAt: at })).status,
      ).toBe(200);
    const filed = await call<{ id: string }>('POST', `/batches/${batchNumber}/objections`, cityOfficer, {
      applicantRole: 'seller',
      applicantName: OrderPlaced.example.value.seller.name,
      filedAt: await now(),
      materials: {
        noticeReceipt: 'received',
        writtenApplication: 'received',
        proofOfStanding: 'received',
        powerOfAttorney: 'received',
        authorisedPersonId: 'received',
      },
    });
    expect(filed.status).toBe(201);
    objectionId = filed.body.id;
    expect(
      (
        await call('POST', `/objections/${objectionId}/decision`, approver, {
          approve: true,
          reason: '材料齐全，同意复检',
        })
      ).status,
    ).toBe(200);
    await send(
      SampleDispatched,
      {
        ...SampleDispatched.example.value,
        batchNumber,
        purpose: 're-inspection',
        reinspectionOfReport: reportNumber,
        sampleRole: 'backup',
        sealNumber: SampleSealed.example.value.backupSample.sealNumber,
        labName: '国家示例纺织品质量检验检测中心',
        dispatchedAt: await now(),
      },
      'lab-gateway',
    );
    await expectEventually(
      async () => {
        const res = await call<LabNoticeBody[]>('GET', `/objections/${objectionId}/lab-notices`, approver);
        const current = res.body.filter((n) => !n.supersededAt);
        expect(current).toHaveLength(2);
        expect(current.filter((n) => !n.evidenceObjectId)).toEqual([]);
      },
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
  });

  afterAll(async () => {
    await producer?.disconnect();
    await browser?.close();
    await stack?.stop();
  });

  it("shows the 7 days pending until the applicant's receipt, then records it with who signed", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('officer-binjiang'), `/enforcement/objections/${objectionId}`);
    const card = page.getByTestId('lab-notices');
    await card.getByTestId('procedures-pending').waitFor({ timeout: 30_000 });
    await card.getByTestId('lab-notice-applicant').getByText('未发出').waitFor();
    await card
      .getByTestId('lab-notice-reinspection-lab')
      .getByText('国家示例纺织品质量检验检测中心')
      .waitFor();
    await screenshot(page, 'enforcement-lab-notice-pending-zh-CN-desktop');

    await card
      .getByTestId('lab-notice-applicant')
      .getByRole('button', { name: '登记送达', exact: true })
      .click();
    const form = card.getByTestId('lab-delivery-form-applicant');
    await form.getByLabel('直接送达').check();
    await form.getByLabel('签收人（登记签收时间时必填）').fill('王某（经营者委托代理人）');
    await form.getByRole('button', { name: '登记送达', exact: true }).click();
    await card.getByTestId('procedures-running').waitFor({ timeout: 30_000 });
    await card.getByTestId('lab-notice-applicant').getByText('已签收').waitFor();
    await card
      .getByTestId('lab-notice-applicant')
      .getByText(/签收人 王某/)
      .waitFor();
    await screenshot(page, 'enforcement-lab-notice-received-zh-CN-desktop');
    const objection = await call<{
      completeBy: string | null;
      proceduresPeriod: string;
      labNoticeReceivedAt: string;
    }>('GET', `/objections/${objectionId}`, approver);
    expect(objection.body.proceduresPeriod).toBe('running');
    expect(objection.body.completeBy).not.toBeNull();
    await context.close();
  });

  it('captures the objection page with its notices in Chinese and English, desktop and phone, with no serious axe violation', async () => {
    const pages = [
      { path: `/enforcement/objections/${objectionId}`, name: 'enforcement-objection-lab-notices' },
    ];
    for (const device of ['desktop', 'phone'] as const)
      await captureAs(browser, stack, 'officer-binjiang', device, pages);
    const ours = Object.entries(violations).filter(([k]) =>
      k.startsWith('enforcement-objection-lab-notices'),
    );
    expect(ours).toHaveLength(4);
    expect(Object.fromEntries(ours.filter(([, v]) => v.length > 0))).toEqual({});
  });
});
