import { execFileSync } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { KeycloakAdmin, keycloakSettings, newPassword, type RealmUser } from '@qis/console-stack';
import { OrderPlaced, ReportIssued, SampleSealed } from '@qis/contracts';
import { expectEventually, TestIssuer } from '@qis/testing';
import { kafkaConnection } from '@qis/messaging';
import { Kafka, logLevel } from 'kafkajs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, screenshot, signIn } from './browser';
import { capture, captureAs, violations } from './capture';
import { knowYear2027 } from './holiday-year';
import { storeLabReport } from './lab-report';
import { startConsoleStack, type ConsoleStack } from './console-harness';
import { shownPdf } from './pdf-viewer';

jest.setTimeout(900_000);

const DAY = 86_400_000;

/** The bearer token the console sends to the services (to call an API as that user would). */
function tokenOf(page: Page): () => string {
  let token = '';
  page.on('request', (r) => {
    const auth = r.headers()['authorization'];
    if (r.url().includes('/api/') && auth?.startsWith('Bearer ')) token = auth.slice(7);
  });
  return () => {
    if (!token) throw new Error('the console has not called an API yet');
    return token;
  };
}

/** Order, sealed sample and failed first report of a batch, as the upstream services announce them on Kafka. */
async function announceBatch(
  evidenceUrl: string,
  batchNumber: string,
  platformArea: string,
  orderNumber: string,
): Promise<void> {
  const reportNumber = `ZJFZ2026-W-${batchNumber.slice(-6)}`;
  const reportDocumentId = await storeLabReport(evidenceUrl, batchNumber, reportNumber);
  const kafka = new Kafka({
    clientId: 'console-e2e-desk',
    ...kafkaConnection(),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const now = new Date().toISOString();
  const send = async (
    contract: { topic: string; type: string; version: number },
    value: object,
    source: string,
  ) =>
    producer.send({
      topic: `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}${contract.topic}`,
      acks: -1,
      messages: [
        {
          key: batchNumber,
          value: JSON.stringify(value),
          headers: {
            'message-id': randomUUID(),
            type: contract.type,
            version: String(contract.version),
            'occurred-at': now,
            'correlation-id': batchNumber,
            producer: source,
          },
        },
      ],
    });
  try {
    const order = OrderPlaced.example.value;
    await send(
      OrderPlaced,
      {
        ...order,
        batchNumber,
        orderNumber,
        platform: { ...order.platform!, operatorRegisteredAreaCode: platformArea },
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
        issuedAt: now,
        receivedAt: now,
      },
      'lab-gateway',
    );
  } finally {
    await producer.disconnect();
  }
}

/** A `datetime-local` value in Beijing time. */
const beijing = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
/** A minute-precision time the service takes as now (its clock allows a minute ahead), never before a notice issued just now. */
const soon = (at: Date): string => beijing(new Date(at.getTime() + 55_000));
const shanghaiDay = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

interface NoticeBody {
  id: string;
  batchNumber: string;
  recipient: string;
  kind: string;
  channel: string;
  noticeNumber: string;
  replacesNoticeId: string | null;
  evidenceObjectId: string | null;
}

/**
 * The enforcement desk in a real browser signed in on Keycloak's own page: a 滨江区 (330108)
 * officer sees the notices and objections of 滨江 batches only — a 余杭区 (330110) batch is not
 * listed, its URL shows the not-found page and its API answers 404 —, records a delivery, registers
 * an objection on day 15 (in time) and one on the day after the period (refused, both dates shown),
 * and records a failed delivery whose public notice appears on the public page; a city-level
 * officer (330100) sees every district.
 */
describe('the staff console, part 3: the enforcement desk', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  const admin = () => TestIssuer.shared().headers({ roles: ['admin'], sub: 'admin-e2e' });
  const auditor = () => TestIssuer.shared().headers({ roles: ['auditor'], sub: 'auditor-e2e' });
  const base = randomInt(100_000, 890_000);
  const binjiang = `HZ2026-${String(base)}`;
  const yuhang = `HZ2026-${String(base + 1)}`;
  const failing = `HZ2026-${String(base + 2)}`;
  const failingOrder = `TB${String(Date.now())}${String(randomInt(100, 999))}`;
  let cityUser: RealmUser;
  const notices: Record<string, NoticeBody[]> = {};
  let refusedObjection = '';
  let filedObjection = '';
  let pendingObjection = '';

  const call = async (method: string, route: string, headers: Record<string, string>, body?: unknown) => {
    const res = await fetch(`${stack.url}${route}`, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  };
  /** Enforcement's clock (the legal clocks read it); the test stack lets an admin move it forward. */
  const clock = async (byMs?: number): Promise<Date> => {
    const res = byMs
      ? await call('POST', '/api/enforcement/ops/clock', await admin(), { byMs })
      : await call('GET', '/api/enforcement/ops/clock', await admin());
    expect(res.status).toBe(200);
    return new Date((res.body as { now: string }).now);
  };
  const noticesOf = (batchNumber: string, count = 3) =>
    expectEventually(
      async () => {
        const res = await call(
          'GET',
          `/api/enforcement/notices?batchNumber=${batchNumber}&kind=result`,
          await auditor(),
        );
        const items = (res.body as { items: NoticeBody[] }).items;
        expect(items.length).toBeGreaterThanOrEqual(count);
        // A delivery is recorded only once the notice's PDF is stored as evidence.
        expect(items.filter((n) => n.channel !== 'public-notice' && !n.evidenceObjectId)).toEqual([]);
        return items;
      },
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    // The objection windows of a December receipt run into 2027: its schedule is known first.
    await knowYear2027(`${stack.url}/api/enforcement`);
    cityUser = {
      username: 'officer-hangzhou',
      lastName: '钱',
      firstName: '塘',
      roles: ['enforcement-officer'],
      attributes: { jurisdiction: '330100' },
      password: newPassword(),
    };
    await new KeycloakAdmin(keycloakSettings()).upsertUser(stack.realm, cityUser);
    await announceBatch(stack.services.url.evidence, binjiang, '330108', `TB${String(base)}01`);
    await announceBatch(stack.services.url.evidence, yuhang, '330110', `TB${String(base)}02`);
    await announceBatch(stack.services.url.evidence, failing, '330108', failingOrder);
    for (const b of [binjiang, yuhang, failing]) notices[b] = await noticesOf(b);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const withCity = (): ConsoleStack => ({
    ...stack,
    user: (name) => (name === cityUser.username ? cityUser : stack.user(name)),
  });
  const resultNotice = (b: string, recipient: string) =>
    notices[b]!.find((n) => n.recipient === recipient && n.kind === 'result') as NoticeBody;

  it('shows a 滨江 officer the 滨江 deadlines and notices only; a 余杭 notice is not found, its API 404', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const token = tokenOf(page);
    await signIn(page, stack.url, stack.user('officer-binjiang'));
    const queue = page.getByTestId('queue-deadlines');
    await queue.getByText(binjiang).first().waitFor({ timeout: 30_000 });
    expect(await queue.getByText(yuhang).count()).toBe(0);
    await page.goto(`${stack.url}/enforcement/deadlines`);
    await page.getByRole('heading', { name: '期限看板', level: 1 }).waitFor();
    await page.getByTestId('deadlines').getByText(binjiang).first().waitFor();
    expect(await page.getByTestId('deadlines').getByText(yuhang).count()).toBe(0);
    expect(
      await page
        .getByTestId('deadlines')
        .getByText(/剩 \d 个工作日/)
        .count(),
    ).toBeGreaterThan(0);
    await page.goto(`${stack.url}/enforcement/notices`);
    await page.getByRole('heading', { name: '结果通知', level: 1 }).waitFor();
    const list = page.getByTestId('notices');
    await list.getByText(binjiang).first().waitFor();
    expect(await list.getByText(yuhang).count()).toBe(0);
    const foreign = resultNotice(yuhang, 'seller');
    await page.goto(`${stack.url}/enforcement/notices/${foreign.id}`);
    await page.getByRole('heading', { name: '页面不存在', level: 1 }).waitFor();
    expect(await page.getByText(yuhang).count()).toBe(0);
    const api = await call('GET', `/api/enforcement/notices/${foreign.id}`, {
      authorization: `Bearer ${token()}`,
    });
    expect(api.status).toBe(404);
    expect(JSON.stringify(api.body)).not.toContain(yuhang);
    await context.close();
  });

  it('records the delivery of a result notice with its PDF previewed in the page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const token = tokenOf(page);
    const seller = resultNotice(binjiang, 'seller');
    await signIn(page, stack.url, stack.user('officer-binjiang'), `/enforcement/notices/${seller.id}`);
    await page.getByRole('heading', { name: seller.noticeNumber, level: 1 }).waitFor();
    // Drawn in the page by pdf.js (no frame, no new tab): the first page, its words in the text layer.
    const pdf = await shownPdf(page, 'notice-pdf', seller.noticeNumber);
    expect(pdf.inked).toBeGreaterThan(0);
    expect(pdf.pageLabel).toMatch(/^第 1 页，共 \d+ 页$/);
    expect(pdf.download).toBe(`${seller.noticeNumber}.pdf`);
    expect(await page.locator('iframe').count()).toBe(0);
    const now = await clock();
    const form = page.getByTestId('delivery-form');
    await form.getByLabel('发出时间 （北京时间）').fill(soon(now));
    await form.getByLabel('签收时间 （北京时间）').fill(soon(now));
    await form.getByRole('button', { name: '登记送达' }).click();
    await page.getByText('已签收', { exact: true }).first().waitFor();
    await screenshot(page, 'enforcement-notice-delivered-zh-CN-desktop');
    // The producer received its notice the same day (recorded through the API as the console would).
    const producer = resultNotice(binjiang, 'producer');
    const delivered = await call(
      'POST',
      `/api/enforcement/notices/${producer.id}/delivery`,
      { authorization: `Bearer ${token()}` },
      { sentAt: now.toISOString(), receivedAt: now.toISOString() },
    );
    expect(delivered.status).toBe(200);
    await context.close();
  });

  it('registers an objection on day 15 (in time) and one after the period (refused, both dates shown)', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(
      page,
      stack.url,
      stack.user('officer-binjiang'),
      `/enforcement/objections/new?batchNumber=${binjiang}`,
    );
    // Seller and producer received their notices today (recorded by the delivery test; here if it did not run).
    const officerToken = await TestIssuer.shared().headers({
      roles: ['enforcement-officer'],
      sub: 'officer-e2e-binjiang',
      jurisdiction: '330108',
    });
    for (const recipient of ['seller', 'producer']) {
      const notice = resultNotice(binjiang, recipient);
      const current = await call('GET', `/api/enforcement/notices/${notice.id}`, await auditor());
      if ((current.body as { receivedAt: string | null }).receivedAt) continue;
      const at = (await clock()).toISOString();
      const recorded = await call('POST', `/api/enforcement/notices/${notice.id}/delivery`, officerToken, {
        sentAt: at,
        receivedAt: at,
      });
      expect(recorded.status).toBe(200);
    }
    const received = await clock();
    const day15 = await clock(15 * DAY);
    const register = async (role: string, name: string, at: Date) => {
      await page.goto(`${stack.url}/enforcement/objections/new?batchNumber=${binjiang}`);
      await page.getByRole('heading', { name: '登记异议申请', level: 1 }).waitFor();
      await page.getByLabel(role, { exact: true }).check();
      await page.getByLabel('申请人名称').fill(name);
      await page.getByLabel('申请提交时间 （北京时间）').fill(beijing(at));
      await page.getByRole('group', { name: '申请材料清单' }).waitFor();
      await page.locator('.ant-form-item', { hasText: '授权委托书' }).getByLabel('缺失').check();
      await page.locator('.ant-form-item', { hasText: '申请人主体资格证明' }).getByLabel('缺失').check();
      await page.getByRole('button', { name: '登记', exact: true }).click();
      await page.waitForURL((u) => /\/enforcement\/objections\/[0-9a-f-]{36}$/.test(u.pathname));
    };
    await register('经营者', '杭州示例家纺有限公司', day15);
    await page.getByText('待审批', { exact: true }).first().waitFor();
    filedObjection = new URL(page.url()).pathname.split('/').pop() as string;
    const facts = await page.getByTestId('objection-facts').innerText();
    const lastDay = /异议期届满日\s*(\d{4}-\d{2}-\d{2})/.exec(facts)?.[1] as string;
    expect(lastDay >= shanghaiDay(day15)).toBe(true);
    expect(await page.getByTestId('materials').innerText()).toMatch(/授权委托书\s*缺失\s*本人办理时非必需/);
    expect(await page.getByTestId('material-proofOfStanding').innerText()).toMatch(
      /主体资格证明\s*缺失\s*必需/,
    );
    // The day after the period ends (day 16 when day 15 is a working day).
    const lateBy = Date.parse(`${lastDay}T00:00:00+08:00`) + DAY + 2 * 3_600_000 - day15.getTime();
    const late = await clock(lateBy);
    expect(shanghaiDay(late) > lastDay).toBe(true);
    await register('标称生产者', '湖州示例丝绸有限公司', late);
    const refused = page.getByTestId('refused-dates');
    await refused.waitFor();
    const text = await refused.innerText();
    expect(text).toContain(`异议期于 ${lastDay} 届满`);
    expect(text).toContain(`申请于 ${shanghaiDay(late)} 提交`);
    expect(shanghaiDay(received) < lastDay).toBe(true);
    refusedObjection = new URL(page.url()).pathname.split('/').pop() as string;
    await screenshot(page, 'enforcement-objection-refused-zh-CN-desktop');
    await page.goto(`${stack.url}/enforcement/objections`);
    const list = page.getByTestId('objections');
    await list.getByText('逾期不予受理').waitFor();
    await list.getByText('待审批').waitFor();
    await context.close();
  });

  it('keeps the checklist up to date: the decision is disabled while proof of standing is missing, an officer marks it received, the PDF says so', async () => {
    const approverContext = await newContext(browser);
    const approverPage = await approverContext.newPage();
    await signIn(
      approverPage,
      stack.url,
      stack.user('approver-a'),
      `/enforcement/objections/${filedObjection}`,
    );
    const form = approverPage.getByTestId('decision-form');
    await form.waitFor({ timeout: 30_000 });
    await form.getByTestId('decision-missing').getByText('申请人主体资格证明').waitFor();
    expect(await form.getByRole('button', { name: '审批决定' }).isDisabled()).toBe(true);
    await screenshot(approverPage, 'enforcement-objection-missing-zh-CN-desktop');
    // Refusing stays possible while items are missing.
    await form.getByLabel('不予复检').check();
    expect(await form.getByRole('button', { name: '审批决定' }).isEnabled()).toBe(true);
    await approverContext.close();

    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(
      page,
      stack.url,
      stack.user('officer-binjiang'),
      `/enforcement/objections/${filedObjection}`,
    );
    const item = page.getByTestId('material-proofOfStanding');
    await item.getByRole('button', { name: '登记已收到' }).click();
    const now = await clock();
    await item.getByLabel('收到时间 （北京时间）').fill(soon(now));
    await item.getByLabel('备注').fill('申请人补交营业执照复印件（加盖公章）');
    await item.getByRole('button', { name: '保存' }).click();
    await item.getByText('已收到', { exact: true }).waitFor();
    expect(await item.innerText()).toContain(`${shanghaiDay(now)}`.replaceAll('-', '/'));
    await page.getByTestId('materials').getByText('必需材料齐全。').waitFor();
    await screenshot(page, 'enforcement-objection-checklist-zh-CN-desktop');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('checklist-pdf').click(),
    ]);
    const text = execFileSync('pdftotext', [(await download.path()) as string, '-']).toString();
    for (const word of [
      '复检申请材料清单',
      '杭州示例家纺有限公司',
      '复检申请人的主体资格证明',
      '已收到',
      '材料齐全',
      '依据',
    ])
      expect(text).toContain(word);
    await context.close();
  });

  it('records a failed delivery; the public notice replacing it is on the public page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const seller = resultNotice(failing, 'seller');
    await signIn(page, stack.url, stack.user('officer-binjiang'), `/enforcement/notices/${seller.id}`);
    const form = page.getByTestId('failure-form');
    await form.waitFor();
    const now = await clock();
    await form.getByLabel('拒收').check();
    await form.getByLabel('发出时间 （北京时间）').fill(soon(now));
    await form.getByLabel('确认失败时间 （北京时间）').fill(soon(now));
    await form.getByLabel('备注').fill('收件人拒绝签收');
    await form.getByRole('button', { name: '登记失败并公告' }).click();
    await page
      .getByTestId('delivery-failed')
      .getByText(/送达失败（拒收），已由公告 JG/)
      .waitFor();
    await screenshot(page, 'enforcement-notice-failed-zh-CN-desktop');
    await page.getByRole('link', { name: '查看公告' }).click();
    await page.getByText('本公告替代送达失败的通知书').waitFor();
    await context.close();

    const pub = await newContext(browser);
    const publicPage = await pub.newPage();
    await expectEventually(
      async () => {
        await publicPage.goto(`${stack.services.url.disclosure}/notices`);
        await publicPage.getByText(failingOrder).first().waitFor({ timeout: 5_000 });
      },
      { timeoutMs: 60_000 },
    );
    await screenshot(publicPage, 'enforcement-public-notice-zh-CN-desktop');
    await pub.close();
  });

  it('holds a filing dated yesterday for a second officer: the one who recorded it cannot confirm it, another can', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const token = tokenOf(page);
    await signIn(page, stack.url, stack.user('officer-binjiang'), '/enforcement/objections');
    await page.getByTestId('objections').waitFor();
    const received = await clock();
    const producer = resultNotice(failing, 'producer');
    const delivered = await call(
      'POST',
      `/api/enforcement/notices/${producer.id}/delivery`,
      { authorization: `Bearer ${token()}` },
      { sentAt: received.toISOString(), receivedAt: received.toISOString() },
    );
    expect(delivered.status).toBe(200);
    // The application came by post the same day; it is recorded the next day.
    await clock(DAY);
    await page.goto(`${stack.url}/enforcement/objections/new?batchNumber=${failing}`);
    await page.getByRole('heading', { name: '登记异议申请', level: 1 }).waitFor();
    await page.getByLabel('标称生产者', { exact: true }).check();
    await page.getByLabel('申请人名称').fill('湖州示例丝绸有限公司');
    await page.getByLabel('申请提交时间 （北京时间）').fill(soon(received));
    // The form's submit button once it is not busy (antd adds a "loading" icon to its name while a
    // request is in flight): found by its role and name it was missed now and then on a loaded machine.
    const register = page.locator('button[type="submit"]:not(.ant-btn-loading)', { hasText: '登记' });
    await register.click({ timeout: 90_000 });
    // Without what the earlier date rests on: refused, naming filedAt.
    await page
      .getByRole('alert')
      .getByText(/filedAt/)
      .first()
      .waitFor();
    await screenshot(page, 'enforcement-objection-backdated-refused-zh-CN-desktop');
    await page
      .getByLabel('申请日期的依据（申请日期早于今日时必填）')
      .fill('申请书经邮政EMS寄达，邮件详情单为证');
    await page.getByLabel('被授权人（委托他人办理时填写）').fill('王某某');
    await register.click({ timeout: 90_000 });
    // Registered (the page moves to it), or refused: then the test says why.
    const outcome = await Promise.race([
      page
        .waitForURL((u) => /\/enforcement\/objections\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 90_000 })
        .then(() => 'registered'),
      page
        .getByRole('alert')
        .filter({ hasNotText: 'filingReason' })
        .first()
        .waitFor()
        .then(async () => page.getByRole('alert').first().innerText()),
    ]);
    expect(outcome).toBe('registered');
    pendingObjection = new URL(page.url()).pathname.split('/').pop() as string;
    const pending = page.getByTestId('filing-pending');
    await pending.getByText(/待另一名执法人员确认/).waitFor();
    await pending.getByText('此补录由您登记，须由另一名执法人员确认。').waitFor();
    expect(await pending.getByRole('button', { name: '确认申请日期' }).count()).toBe(0);
    await page.getByText('待确认申请日期', { exact: true }).first().waitFor();
    // Filed by an agent: the power of attorney and the agent's ID are required.
    expect(await page.getByTestId('material-powerOfAttorney').innerText()).toMatch(/已收到\s*必需/);
    await screenshot(page, 'enforcement-objection-pending-zh-CN-desktop');
    await context.close();
    for (const device of ['desktop', 'phone'] as const) {
      const shot = await newContext(browser, { phone: device === 'phone' });
      const shotPage = await shot.newPage();
      await signIn(shotPage, stack.url, stack.user('officer-binjiang'));
      await capture(
        shotPage,
        stack.url,
        `/enforcement/objections/${pendingObjection}`,
        'enforcement-objection-pending',
        device,
      );
      await shot.close();
    }

    const second = await newContext(browser);
    const secondPage = await second.newPage();
    await signIn(secondPage, stack.url, cityUser, `/enforcement/objections/${pendingObjection}`);
    const confirm = secondPage.getByTestId('filing-pending');
    await confirm.getByLabel('复核说明').fill('核对邮件详情单原件，寄达日期一致');
    await confirm.getByRole('button', { name: '确认申请日期' }).click();
    await secondPage.getByText('待审批', { exact: true }).first().waitFor();
    expect(await secondPage.getByTestId('filing-pending').count()).toBe(0);
    await secondPage.getByTestId('objection-facts').getByText('申请日期复核人').waitFor();
    await second.close();
  });

  it('lets the approver decide the objection filed in time, with reasons', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('approver-a'), `/enforcement/objections/${filedObjection}`);
    const form = page.getByTestId('decision-form');
    await form.waitFor({ timeout: 30_000 });
    expect(await form.getByRole('button', { name: '审批决定' }).isEnabled()).toBe(true);
    await form.getByLabel('不予复检').check();
    await form.getByLabel('审批理由').fill('申请材料缺少授权委托书，且异议理由不成立');
    await form.getByRole('button', { name: '审批决定' }).click();
    await page.getByText('不予复检', { exact: true }).first().waitFor();
    await page.getByTestId('objection-facts').getByText('申请材料缺少授权委托书，且异议理由不成立').waitFor();
    await context.close();
  });

  it('draws the notice PDF within a 390 px phone screen, zoomable', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    const seller = resultNotice(binjiang, 'seller');
    await signIn(page, stack.url, stack.user('officer-binjiang'), `/enforcement/notices/${seller.id}`);
    const fitted = await shownPdf(page, 'notice-pdf', seller.noticeNumber);
    expect(fitted.inked).toBeGreaterThan(0);
    expect(fitted.canvas.left).toBeGreaterThanOrEqual(0);
    expect(fitted.canvas.right).toBeLessThanOrEqual(fitted.viewportWidth);
    expect(fitted.canvas.width).toBeGreaterThan(fitted.viewportWidth / 2);
    await page.getByTestId('notice-pdf').getByRole('button', { name: '放大' }).click();
    await page.getByTestId('pdf-zoom').getByText('125%').waitFor();
    // Wider than the screen now: the viewer scrolls inside itself, the page does not.
    await page.waitForFunction(
      (w) => document.querySelector('[data-testid="notice-pdf"] canvas')!.getBoundingClientRect().width > w,
      fitted.canvas.width * 1.2,
    );
    const zoomed = await shownPdf(page, 'notice-pdf', seller.noticeNumber);
    expect(zoomed.inked).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      zoomed.viewportWidth,
    );
    await context.close();
  });

  it('shows a city-level officer every district', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, cityUser, '/enforcement/notices');
    const list = page.getByTestId('notices');
    await list.getByText(binjiang).first().waitFor({ timeout: 30_000 });
    await list.getByText(yuhang).first().waitFor();
    await page.goto(`${stack.url}/enforcement/notices/${resultNotice(yuhang, 'seller').id}`);
    await page.getByTestId('notice-facts').getByText(yuhang).waitFor();
    await context.close();
  });

  it('captures every desk page in Chinese and English, desktop and phone, with no serious axe violation', async () => {
    const pages = [
      { path: '/', name: 'enforcement-home' },
      { path: '/enforcement/deadlines', name: 'enforcement-deadlines' },
      { path: '/enforcement/notices', name: 'enforcement-notices' },
      { path: `/enforcement/notices/${resultNotice(binjiang, 'seller').id}`, name: 'enforcement-notice' },
      {
        path: `/enforcement/notices/${resultNotice(failing, 'platform').id}`,
        name: 'enforcement-notice-open',
      },
      { path: '/enforcement/objections', name: 'enforcement-objections' },
      { path: `/enforcement/objections/${refusedObjection}`, name: 'enforcement-objection' },
      { path: `/enforcement/objections/${filedObjection}`, name: 'enforcement-objection-decided' },
      { path: `/enforcement/objections/${pendingObjection}`, name: 'enforcement-objection-confirmed' },
      { path: `/enforcement/objections/new?batchNumber=${binjiang}`, name: 'enforcement-objection-new' },
      {
        path: `/enforcement/notices/${resultNotice(yuhang, 'seller').id}`,
        name: 'enforcement-foreign-not-found',
      },
    ];
    for (const device of ['desktop', 'phone'] as const)
      await captureAs(browser, withCity(), 'officer-binjiang', device, pages);
    const ours = Object.entries(violations);
    // And the filing awaiting its second officer, captured before it was confirmed.
    expect(ours).toHaveLength(pages.length * 4 + 4);
    expect(Object.fromEntries(ours.filter(([, v]) => v.length > 0))).toEqual({});
  });
});
