import { randomInt } from 'node:crypto';
import {
  OrderPlaced,
  ReportIssued,
  SampleSealed,
  unifiedSocialCreditCheckCharacter,
  type OrderPlacedValue,
} from '@qis/contracts';
import { expectEventually, sendEvents, TestIssuer, type TestClaims } from '@qis/testing';
import { kafkaConnection } from '@qis/messaging';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, screenshot, seriousViolations, signIn } from './browser';
import { captureAs, violations } from './capture';
import { startConsoleStack, type ConsoleStack } from './console-harness';
import { storeLabReport } from './lab-report';

jest.setTimeout(900_000);

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

const uscc = (first17: string): string => `${first17}${unifiedSocialCreditCheckCharacter(first17)}`;
const admin: TestClaims = { roles: ['admin'], sub: 'admin-e2e' };
const approver: TestClaims = { roles: ['approver'], sub: 'approver-e2e' };
const cityOfficer: TestClaims = {
  roles: ['enforcement-officer'],
  jurisdiction: '330100',
  sub: 'officer-city-e2e',
};

interface CaseBody {
  id: string;
  batchNumber: string;
  status: string;
  authority: { areaCode: string };
}

/**
 * The enforcement desk in a real browser signed in on Keycloak's page: failed batches reach
 * enforcement as the upstream services announce them on Kafka (order placed, sample sealed, report
 * issued), their result notices are delivered and the objection windows run out on enforcement's
 * clock, so three cases are routed (two to 滨江区, one to 余杭区) and one batch waits for triage. The
 * 滨江区 officer sees only 滨江区's cases (余杭区's is the not-found page and a 404), accepts,
 * investigates and closes one with a penalty; an approver routes the triage item to the district
 * the resolver suggests; the officer finds a natural person's credit file by name and a company's
 * by credit code, and proposes a consumer risk warning from the producer's file, which an approver
 * publishes (the public page shows it) and withdraws with a reason (the public page takes it down);
 * a city-level officer sees every district.
 */
describe('the staff console, part 3: the enforcement desk (cases, triage, credit files)', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  let producer: Producer;
  const seq = randomInt(100_000, 800_000);
  const binjiang = `HZ2026-${seq}`;
  const yuhang = `HZ2026-${seq + 1}`;
  const person = `HZ2026-${seq + 2}`;
  const untraced = `HZ2026-${seq + 3}`;
  const company = OrderPlaced.example.value.seller;
  const yuhangSeller = {
    ...company,
    name: '杭州余杭示例服饰有限公司',
    unifiedSocialCreditCode: uscc('91330110MA2H4K7Q0'),
    registeredAreaCode: '330110',
    registeredAddress: '浙江省杭州市余杭区示例街2号',
  };
  const naturalPerson = {
    name: '张小梅',
    entityType: 'natural-person' as const,
    shopName: '小梅家纺小店',
    shopUrl: `https://shop${seq}.taobao.com`,
  };
  const caseIds: Record<string, string> = {};

  const call = async <T>(method: string, route: string, claims: TestClaims, body?: unknown) => {
    const res = await fetch(`${stack.services.url.enforcement}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${await TestIssuer.shared().sign(claims)}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };

  const announce = async (batchNumber: string, order: Partial<OrderPlacedValue>) => {
    // The lab's signed report in the evidence service: a result notice's PDF carries it, and no
    // delivery is recorded before that PDF is stored.
    const reportNumber = `ZJFZ2026-W-${batchNumber.slice(-6)}`;
    const reportDocumentId = await storeLabReport(stack.services.url.evidence, batchNumber, reportNumber);
    await sendEvents(
      producer,
      OrderPlaced,
      [{ key: batchNumber, value: { ...OrderPlaced.example.value, ...order, batchNumber } }],
      'purchasing',
    );
    await sendEvents(
      producer,
      SampleSealed,
      [
        {
          key: batchNumber,
          value: { ...SampleSealed.example.value, batchNumber, sampleCode: `${batchNumber}-S` },
        },
      ],
      'evidence',
    );
    await sendEvents(
      producer,
      ReportIssued,
      [
        {
          key: batchNumber,
          value: {
            ...ReportIssued.example.value,
            batchNumber,
            sampleCode: `${batchNumber}-S`,
            reportNumber,
            reportDocumentId,
          },
        },
      ],
      'lab-gateway',
    );
  };

  /** Every result notice of the batch sent and received now, on enforcement's clock. */
  const deliver = async (batchNumber: string) => {
    const notices = await expectEventually(
      async () => {
        const res = await call<
          Array<{
            id: string;
            kind: string;
            channel: string;
            receivedAt: string | null;
            evidenceObjectId: string | null;
          }>
        >('GET', `/batches/${batchNumber}/notices`, approver);
        const found = res.body.filter((n) => n.kind === 'result');
        expect(found.length).toBeGreaterThan(0);
        // Delivered only as stored: each notice's PDF is in the evidence service first.
        expect(found.filter((n) => n.channel !== 'public-notice' && !n.evidenceObjectId)).toEqual([]);
        return found;
      },
      { timeoutMs: 60_000 },
    );
    const now = (await call<{ now: string }>('GET', '/ops/clock', admin)).body.now;
    for (const n of notices.filter((x) => x.channel !== 'public-notice' && !x.receivedAt)) {
      const res = await call('POST', `/notices/${n.id}/delivery`, cityOfficer, {
        sentAt: now,
        receivedAt: now,
      });
      expect(res.status).toBe(200);
    }
  };

  /** Loads an illustrative 2027 holiday schedule (two admins) when the clock would reach 2027. */
  const know2027 = async () => {
    const known = await call<{ source: string }>('GET', '/calendar/years/2027', admin);
    if (known.body.source !== 'none') return;
    const days = (from: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
      );
    const submitted = await call<{ id: string }>(
      'POST',
      '/calendar/years',
      { roles: ['admin'], sub: 'admin-wang' },
      {
        year: 2027,
        noticeReference: '国办发明电〔2026〕示例号',
        noticeUrl: 'https://www.gov.cn/zhengce/content/example-2027.htm',
        holidays: [
          { name: '元旦', dates: days('2027-01-01', 3) },
          { name: '春节', dates: days('2027-02-05', 9) },
          { name: '劳动节', dates: days('2027-05-01', 5) },
          { name: '国庆节', dates: days('2027-10-01', 7) },
        ],
        adjustedWorkingDays: ['2027-02-14', '2027-02-20', '2027-05-08', '2027-09-26', '2027-10-09'],
      },
    );
    expect(submitted.status).toBe(201);
    const approved = await call(
      'POST',
      '/calendar/years/2027/approve',
      { roles: ['admin'], sub: 'admin-li' },
      {
        scheduleId: submitted.body.id,
        note: '测试用',
      },
    );
    expect(approved.status).toBe(200);
  };

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    const kafka = new Kafka({
      clientId: 'console-e2e-cases',
      ...kafkaConnection(),
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    const platform = OrderPlaced.example.value.platform!;
    await announce(binjiang, { platform: { ...platform, operatorRegisteredAreaCode: '330108' } });
    await announce(yuhang, {
      seller: yuhangSeller,
      platform: { ...platform, operatorRegisteredAreaCode: '330110' },
    });
    await announce(person, {
      seller: naturalPerson,
      platform: { ...platform, operatorRegisteredAreaCode: '330108' },
    });
    // The platform operator's district is unknown: routing cannot prove where the case goes.
    const {
      operatorRegisteredAreaCode: _area,
      operatorUnifiedSocialCreditCode: _code,
      ...unplaced
    } = platform;
    await announce(untraced, { platform: unplaced, seller: { ...company, registeredAreaCode: '330108' } });
    for (const b of [binjiang, yuhang, person, untraced]) await deliver(b);
    // The 15-day objection windows run out on enforcement's clock: results final, cases routed.
    const now = new Date((await call<{ now: string }>('GET', '/ops/clock', admin)).body.now);
    const byMs = 18 * 86_400_000;
    if (new Date(now.getTime() + byMs + 40 * 86_400_000).toISOString() >= '2027-01-01') await know2027();
    expect((await call('POST', '/ops/clock', admin, { byMs })).status).toBe(200);
    expect((await call('POST', '/deadlines/scan', admin)).status).toBe(200);
    await expectEventually(
      async () => {
        const cases = await call<CaseBody[]>('GET', '/cases', approver);
        for (const c of cases.body) caseIds[c.batchNumber] = c.id;
        expect(Object.keys(caseIds).sort()).toEqual([binjiang, yuhang, person].sort());
        const triage = await call<Array<{ batchNumber: string }>>('GET', '/triage', approver);
        expect(triage.body.map((t) => t.batchNumber)).toContain(untraced);
      },
      { timeoutMs: 60_000 },
    );
  });
  afterAll(async () => {
    await producer?.disconnect();
    await browser?.close();
    await stack?.stop();
  });

  it('shows a 滨江区 officer only 滨江区 cases: 余杭区’s is not listed, its page is not found and its API answers 404', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const token = tokenOf(page);
    await signIn(page, stack.url, stack.user('officer-binjiang'), '/cases');
    await page.getByRole('heading', { name: '交办案件', level: 1 }).waitFor();
    const table = page.getByTestId('cases');
    await table.getByRole('link', { name: binjiang }).waitFor();
    await table.getByRole('link', { name: person }).waitFor();
    expect(await page.getByText(yuhang).count()).toBe(0);
    await page.goto(`${stack.url}/cases/${caseIds[yuhang]}`);
    await page.getByRole('heading', { name: '页面不存在', level: 1 }).waitFor();
    expect(await page.getByText(yuhang).count()).toBe(0);
    const res = await fetch(`${stack.url}/api/enforcement/cases/${caseIds[yuhang]}`, {
      headers: { authorization: `Bearer ${token()}` },
    });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(yuhang);
    await context.close();
  });

  it('accepts, investigates and closes a case with a penalty, its decision number and legal basis', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('officer-binjiang'), '/cases');
    await page.getByTestId('cases').getByRole('link', { name: binjiang }).click();
    await page.waitForURL((u) => u.pathname === `/cases/${caseIds[binjiang]}`);
    const routing = page.getByTestId('routing');
    await routing.getByText('平台经营者住所地').waitFor();
    await routing
      .getByText(/滨江区 \(330108\)/)
      .first()
      .waitFor();
    // What the router recorded: the policy row that applied and why.
    await routing.getByText('city-platform', { exact: true }).waitFor();
    expect(await routing.locator('ol li').count()).toBeGreaterThan(0);
    await page.getByTestId('facts').getByText('蚕丝含量').waitFor();
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByText('已受理', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: '立案调查' }).click();
    await page.getByText('调查中', { exact: true }).first().waitFor();
    await page.getByLabel('行政处罚').check();
    await page.getByLabel('责令整改').check();
    await page.getByLabel('罚没款金额（元）').fill('15000');
    await page.getByLabel('处罚决定书文号').fill('杭滨市监处罚〔2026〕18号');
    await page.getByLabel('法律依据').fill('《中华人民共和国产品质量法》第五十条');
    await page.getByLabel('办理情况').fill('没收违法所得，罚款一万五千元，责令整改');
    await page.getByRole('button', { name: '办结', exact: true }).click();
    await page.getByText('已办结', { exact: true }).first().waitFor();
    await routing.getByText('杭滨市监处罚〔2026〕18号').waitFor();
    await routing.getByText('15000.00').waitFor();
    await screenshot(page, 'case-closed-zh-CN-desktop');
    const closed = await call<CaseBody & { penaltyFen: number; penaltyDecisionNumber: string }>(
      'GET',
      `/cases/${caseIds[binjiang]}`,
      approver,
    );
    expect(closed.body).toMatchObject({
      status: 'closed',
      penaltyFen: 1_500_000,
      penaltyDecisionNumber: '杭滨市监处罚〔2026〕18号',
    });
    await context.close();
  });

  it("routes a triage item to the district chosen, the resolver's suggestion and why shown", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('approver-a'), '/triage');
    await page.getByRole('heading', { name: '待人工分派', level: 1 }).waitFor();
    const card = page.getByTestId(`triage-${untraced}`);
    await card.getByText('系统建议: 杭州市滨江区 (330108)').waitFor();
    expect(await card.getByTestId('suggestion').innerText()).toMatch(/建议依据: seller .*\(330108\)/);
    await card.getByText('registered district unknown').waitFor();
    await card.getByLabel('核实情况').fill('经核实平台经营者住所在滨江区');
    await screenshot(page, 'triage-suggestion-zh-CN-desktop');
    await card.getByRole('button', { name: '分派' }).click();
    await page.getByText('已按所选属地分派').waitFor();
    const routed = await expectEventually(async () => {
      const cases = await call<CaseBody[]>('GET', '/cases', approver);
      const found = cases.body.find((c) => c.batchNumber === untraced);
      expect(found?.authority.areaCode).toBe('330108');
      return found!;
    });
    caseIds[untraced] = routed.id;
    await context.close();
  });

  it("finds a natural-person seller's credit file by name and a company's by credit code", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('officer-binjiang'), '/credit');
    await page.getByRole('heading', { name: '信用档案', level: 1 }).waitFor();
    const box = page.getByLabel('统一社会信用代码、名称或店铺');
    await box.first().fill('张小梅');
    await box.first().press('Enter');
    const file = page.getByTestId('credit-file').filter({ hasText: '张小梅' });
    await file.getByText('自然人').waitFor();
    await file.getByText(naturalPerson.shopUrl).waitFor();
    await file.getByText(person).waitFor();
    await box.first().fill(company.unifiedSocialCreditCode!);
    await box.first().press('Enter');
    const companyFile = page.getByTestId('credit-file').filter({ hasText: company.name });
    await companyFile.getByText(company.unifiedSocialCreditCode!).waitFor();
    await companyFile.getByText('行政处罚').first().waitFor();
    await screenshot(page, 'credit-company-zh-CN-desktop');
    await context.close();
  });

  it("proposes a risk warning from the producer's credit file; an approver publishes it, then withdraws it, and the public page follows", async () => {
    const producerName = SampleSealed.example.value.claimed.producerName!;
    const title = `关于示例牌桑蚕丝被的消费风险警示（${binjiang}）`;
    const officer = await newContext(browser);
    const page = await officer.newPage();
    await signIn(
      page,
      stack.url,
      stack.user('officer-binjiang'),
      `/credit?q=${encodeURIComponent(producerName)}`,
    );
    const file = page.getByTestId('credit-file').filter({ hasText: producerName });
    await file.getByText('生产者', { exact: true }).waitFor();
    await file
      .getByRole('row')
      .filter({ hasText: binjiang })
      .getByRole('button', { name: '提出风险警示' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('标题').fill(title);
    await dialog
      .getByLabel('风险提示')
      .fill('标称100%桑蚕丝，实测蚕丝含量不足，保暖性和透气性达不到宣称水平。');
    await dialog
      .getByLabel('消费提示')
      .fill('购买蚕丝被时请查看标签和合格证，保留购物凭证；已购买的消费者可要求经营者退换。');
    await dialog.getByRole('button', { name: /提\s?交/ }).click();
    const warnings = page.getByTestId('risk-warnings');
    await warnings.getByRole('row').filter({ hasText: title }).getByText('待审核').waitFor();
    // The proposer is not offered the approval (the API refuses it too: rule four-eyes).
    expect(
      await warnings
        .getByRole('row')
        .filter({ hasText: title })
        .getByRole('button', { name: '批准发布' })
        .count(),
    ).toBe(0);
    await screenshot(page, 'risk-warning-proposed-zh-CN-desktop');
    await officer.close();

    const second = await newContext(browser);
    const approverPage = await second.newPage();
    await signIn(approverPage, stack.url, stack.user('approver-a'), '/credit');
    const row = approverPage.getByTestId('risk-warnings').getByRole('row').filter({ hasText: title });
    await row.getByRole('button', { name: '批准发布' }).click();
    await row.getByText('已发布').waitFor();
    const published = await expectEventually(
      async () => {
        const res = await fetch(`${stack.services.url.disclosure}/public/risk-warnings?pageSize=100`);
        const body = (await res.json()) as {
          items: Array<{ id: string; title: string; producerName: string }>;
        };
        const found = body.items.find((w) => w.title === title);
        expect(found?.producerName).toBe(producerName);
        return found!;
      },
      { timeoutMs: 60_000 },
    );
    // The public page (disclosure's own site, no sign-in), Chinese and English, desktop and phone.
    const found: Record<string, string[]> = {};
    for (const phone of [false, true]) {
      const visitorContext = await newContext(browser, { phone });
      const visitor = await visitorContext.newPage();
      for (const lang of ['zh', 'en']) {
        await visitor.goto(`${stack.services.url.disclosure}/risk-warnings?lang=${lang}`);
        await visitor.locator(`#risk-${published.id}`).waitFor();
        await visitor
          .getByRole('heading', { name: lang === 'zh' ? '消费风险警示' : 'Consumer risk warnings', level: 1 })
          .waitFor();
        const label = `public-risk-warnings-${lang === 'zh' ? 'zh-CN' : 'en'}-${phone ? 'phone' : 'desktop'}`;
        await screenshot(visitor, label);
        found[label] = await seriousViolations(visitor);
      }
      await visitorContext.close();
    }
    expect(Object.values(found).flat()).toEqual([]);

    await row.getByRole('button', { name: '撤回' }).click();
    const withdraw = approverPage.getByRole('dialog');
    await withdraw.getByLabel('理由').fill('生产者已召回全部批次产品，经核查整改到位');
    await withdraw.getByRole('button', { name: /确\s?认/ }).click();
    await row.getByText('已撤回').waitFor();
    await expectEventually(
      async () => {
        const current = await (
          await fetch(`${stack.services.url.disclosure}/public/risk-warnings?pageSize=100`)
        ).json();
        expect((current as { items: Array<{ id: string }> }).items.map((w) => w.id)).not.toContain(
          published.id,
        );
        const gone = await (
          await fetch(`${stack.services.url.disclosure}/public/risk-warnings?status=withdrawn&pageSize=100`)
        ).json();
        expect((gone as { items: Array<{ id: string; withdrawalReason: string }> }).items).toContainEqual(
          expect.objectContaining({
            id: published.id,
            withdrawalReason: '生产者已召回全部批次产品，经核查整改到位',
          }),
        );
      },
      { timeoutMs: 60_000 },
    );
    await second.close();
  });

  it('shows a city-level officer the cases of every district', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('officer-city'), '/cases');
    const table = page.getByTestId('cases');
    for (const b of [binjiang, yuhang, person, untraced])
      await table.getByRole('link', { name: b }).waitFor();
    await context.close();
  });

  it('captures every desk page in Chinese and English, desktop and phone, with no serious axe violation', async () => {
    const officerPages = [
      { path: '/', name: 'cases-home' },
      { path: '/cases', name: 'cases-list' },
      { path: `/cases/${caseIds[binjiang]}`, name: 'case-closed' },
      { path: `/cases/${caseIds[person]}`, name: 'case-routed' },
      { path: '/cases?tab=follow-ups', name: 'cases-follow-ups' },
      { path: `/credit?q=${encodeURIComponent('张小梅')}`, name: 'credit-person' },
      {
        path: `/credit?q=${encodeURIComponent(SampleSealed.example.value.claimed.producerName!)}`,
        name: 'credit-producer',
      },
      { path: `/cases/${caseIds[yuhang]}`, name: 'case-foreign-not-found' },
    ];
    const approverPages = [
      { path: '/triage', name: 'triage' },
      { path: '/credit', name: 'credit-risk-warnings' },
    ];
    const cityPages = [{ path: '/cases', name: 'cases-city' }];
    for (const device of ['desktop', 'phone'] as const) {
      await captureAs(browser, stack, 'officer-binjiang', device, officerPages);
      await captureAs(browser, stack, 'approver-a', device, approverPages);
      await captureAs(browser, stack, 'officer-city', device, cityPages);
    }
    const ours = Object.entries(violations);
    expect(ours).toHaveLength((officerPages.length + approverPages.length + cityPages.length) * 4);
    expect(Object.fromEntries(ours.filter(([, v]) => v.length > 0))).toEqual({});
  });
});
