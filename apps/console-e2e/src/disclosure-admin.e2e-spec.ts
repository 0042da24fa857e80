import { randomBytes, randomUUID } from 'node:crypto';
import {
  OrderPlaced,
  ReportIssued,
  ResultNotified,
  SampleSealed,
  type OrderPlacedValue,
  type ReportIssuedValue,
  type ResultNotifiedValue,
  type SampleSealedValue,
} from '@qis/contracts';
import { expectEventually, TestIssuer, type TestClaims } from '@qis/testing';
import { kafkaConnection } from '@qis/messaging';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn } from './browser';
import { captureAs, violations } from './capture';
import { startConsoleStack, type ConsoleStack } from './console-harness';
import { storeLabReport } from './lab-report';

jest.setTimeout(900_000);

const DAY = 86_400_000;

interface Publication {
  id: string;
  batchNumber: string;
  status: string;
  specModel: string | null;
  version: number;
}

/**
 * Disclosure administration and the dashboard in a real browser signed in on Keycloak's own page.
 * Three batches go through enforcement on real Kafka (order, sealed sample, report; their result
 * notices delivered; enforcement's clock moved past the objection windows): two failures are routed
 * to 余杭 and 滨江, and disclosure publishes all three. The disclosure officer corrects one (the
 * public page shows the correction and the history) and withdraws another (it leaves the public
 * list), registers a platform feed whose credential is shown once, rotates and retires it. A
 * city-level officer and an auditor read the dashboard's charts; a district officer and a platform
 * cannot open the admin pages, and the APIs refuse them.
 */
describe('the staff console, part 3: disclosure administration and the dashboard', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  let producer: Producer;
  const issuer = TestIssuer.shared();
  const sequence = Math.floor(Math.random() * 800_000) + 100_000;
  const batches = {
    yuhang: `HZ2026-${String(sequence)}`,
    binjiang: `HZ2026-${String(sequence + 1)}`,
    passed: `HZ2026-${String(sequence + 2)}`,
    noticed: `HZ2026-${String(sequence + 3)}`,
  };
  const platformCode = 'taobao';
  const published: Record<string, Publication> = {};
  /** YYYY-MM (Asia/Shanghai) in which the batches' result notices fell due. */
  let deadlineMonth = '';

  const call = async <T>(
    service: keyof ConsoleStack['services']['url'],
    method: string,
    route: string,
    claims: TestClaims,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${stack.services.url[service]}${route}`, {
      method,
      headers: {
        ...(await issuer.headers(claims)),
        'idempotency-key': randomBytes(16).toString('hex'),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as T };
  };
  const admin: TestClaims = { roles: ['admin'], sub: 'admin-e2e' };
  const cityOfficer: TestClaims = {
    roles: ['enforcement-officer'],
    jurisdiction: '330100',
    sub: 'officer-city',
  };

  const emit = async <V extends object>(
    contract: { topic: string; type: string; version: number },
    key: string,
    value: V,
    from: string,
  ) => {
    await producer.send({
      topic: `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}${contract.topic}`,
      acks: -1,
      messages: [
        {
          key,
          value: JSON.stringify(value),
          headers: {
            'message-id': randomUUID(),
            type: contract.type,
            version: String(contract.version),
            'occurred-at': new Date().toISOString(),
            'correlation-id': key,
            producer: from,
          },
        },
      ],
    });
  };

  /** A batch's order, sealed sample and report, as purchasing, evidence and the lab gateway announce them. */
  const batch = async (batchNumber: string, operatorArea: string, verdict: 'pass' | 'fail') => {
    const order: OrderPlacedValue = {
      ...OrderPlaced.example.value,
      batchNumber,
      platform: { ...OrderPlaced.example.value.platform!, operatorRegisteredAreaCode: operatorArea },
    };
    const sealed: SampleSealedValue = { ...SampleSealed.example.value, batchNumber };
    const example = ReportIssued.example.value;
    // The lab's signed report in the evidence service: a result notice's PDF carries it, and no
    // delivery is recorded before that PDF is stored.
    const reportNumber = `R-${batchNumber}`;
    const reportDocumentId = await storeLabReport(stack.services.url.evidence, batchNumber, reportNumber);
    const report: ReportIssuedValue = {
      ...example,
      batchNumber,
      reportNumber,
      reportDocumentId,
      issuedAt: new Date().toISOString(),
      verdict,
      ...(verdict === 'pass'
        ? { items: example.items.map((i) => ({ ...i, verdict: 'pass' as const })), failingItems: [] }
        : {}),
    };
    await emit(OrderPlaced, batchNumber, order, 'purchasing');
    await emit(SampleSealed, batchNumber, sealed, 'evidence');
    await emit(ReportIssued, batchNumber, report, 'lab-gateway');
  };

  /** Records every result notice of the batch as sent and received now on enforcement's clock. */
  const deliver = async (batchNumber: string) => {
    const notices = await expectEventually(
      async () => {
        const r = await call<
          Array<{
            id: string;
            kind: string;
            channel: string;
            receivedAt: string | null;
            evidenceObjectId: string | null;
            dueAt: string | null;
          }>
        >('enforcement', 'GET', `/batches/${batchNumber}/notices`, cityOfficer);
        expect(r.status).toBe(200);
        const result = r.body.filter((n) => n.kind === 'result');
        expect(result.length).toBeGreaterThan(0);
        // Delivered only as stored: each notice's PDF is in the evidence service first.
        expect(result.filter((n) => n.channel !== 'public-notice' && !n.evidenceObjectId)).toEqual([]);
        return result;
      },
      { timeoutMs: 90_000, intervalMs: 1_000 },
    );
    // The month the dashboard shows their deadlines in (Asia/Shanghai): the clock moves on below.
    const due = notices.find((n) => n.dueAt)?.dueAt;
    if (due) deadlineMonth = new Date(Date.parse(due) + 8 * 3_600_000).toISOString().slice(0, 7);
    const clock = await call<{ now: string }>('enforcement', 'GET', '/ops/clock', admin);
    for (const n of notices.filter((x) => x.channel !== 'public-notice' && !x.receivedAt)) {
      const r = await call('enforcement', 'POST', `/notices/${n.id}/delivery`, cityOfficer, {
        sentAt: clock.body.now,
        receivedAt: clock.body.now,
      });
      expect(r.status).toBe(200);
    }
  };

  const publications = async (): Promise<Publication[]> =>
    (
      await call<{ items: Publication[] }>('disclosure', 'GET', '/publications?pageSize=100', {
        roles: ['disclosure-officer'],
      })
    ).body.items;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    const kafka = new Kafka({
      clientId: 'console-e2e-disclosure',
      ...kafkaConnection(),
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await batch(batches.yuhang, '330110', 'fail');
    await batch(batches.binjiang, '330108', 'fail');
    await batch(batches.passed, '330110', 'pass');
    for (const b of [batches.yuhang, batches.binjiang, batches.passed]) await deliver(b);
    // The objection windows run out on enforcement's clock: the results become final and are published.
    const moved = await call('enforcement', 'POST', '/ops/clock', admin, { byMs: 25 * DAY });
    expect(moved.status).toBe(200);
    await expectEventually(
      async () => {
        const scan = await call('enforcement', 'POST', '/deadlines/scan', admin);
        expect(scan.status).toBe(200);
        const found = await publications();
        for (const b of [batches.yuhang, batches.binjiang, batches.passed])
          expect(found.map((p) => p.batchNumber)).toContain(b);
        for (const p of found) published[p.batchNumber] = p;
      },
      { timeoutMs: 120_000, intervalMs: 2_000 },
    );
    // A result notice that could not be delivered, replaced by a public notice (as enforcement announces it).
    const notice: ResultNotifiedValue = {
      ...ResultNotified.example.value,
      batchNumber: batches.noticed,
      deliveries: [
        {
          recipient: 'seller',
          channel: 'public-notice',
          noticeNumber: `JG-${batches.noticed}`,
          sentAt: new Date().toISOString(),
        },
      ],
      publicNotice: {
        sellerName: '杭州无址电子商行',
        sampleName: '插座（转换器）',
        specModel: 'XB-306 10A 250V',
        listingUrl: 'https://item.taobao.com/item.htm?id=7099990001',
        orderNumber: '3387123456789012',
        platformName: '淘宝',
      },
    };
    await emit(ResultNotified, batches.noticed, notice, 'enforcement');
    await expectEventually(async () => {
      const r = await call<{ items: Array<{ batchNumber: string }> }>(
        'disclosure',
        'GET',
        '/public-notices',
        {
          roles: ['disclosure-officer'],
        },
      );
      expect(r.body.items.map((n) => n.batchNumber)).toContain(batches.noticed);
    });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await browser?.close();
    await stack?.stop();
  });

  const openAs = async (username: string, path: string, phone = false): Promise<Page> => {
    const context = await newContext(browser, { phone });
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user(username), path);
    return page;
  };

  it('corrects a published result: the public page shows the corrected version and its history', async () => {
    const target = published[batches.yuhang]!;
    const page = await openAs('disclosure-a', '/disclosure/publications');
    await page.getByRole('heading', { name: '公开结果', level: 1 }).waitFor();
    await page.getByRole('link', { name: batches.yuhang }).click();
    await page.getByRole('button', { name: '更正' }).click();
    const dialog = page.getByRole('dialog', { name: '更正公示结果' });
    await dialog.getByLabel('规格型号').fill('220×240cm 2.0kg');
    // The reason is required: refused without it, naming it.
    await dialog.getByRole('button', { name: '更正' }).click();
    await dialog.getByText('请填写理由').waitFor();
    await dialog.getByLabel('理由').fill('规格型号录入错误，依据检验报告更正');
    await dialog.getByRole('button', { name: '更正' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const history = page.getByTestId('history');
    await history.getByText('规格型号录入错误，依据检验报告更正').waitFor();
    await history.getByText('首次公示').waitFor();
    expect(await page.getByText('已更正').count()).toBeGreaterThan(0);

    // The public page (disclosure's own site, no sign-in) shows the correction and both versions.
    const link = await page.getByTestId('public-link').getAttribute('href');
    expect(link).toMatch(/\/results\/[0-9a-f-]{36}/);
    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(link!);
    await visitor.getByText('220×240cm 2.0kg').first().waitFor();
    await visitor.getByText('规格型号录入错误，依据检验报告更正').first().waitFor();
    const detail = await (await fetch(`${stack.services.url.disclosure}/public/results/${target.id}`)).json();
    expect(detail.current).toMatchObject({ status: 'corrected', specModel: '220×240cm 2.0kg', version: 2 });
    expect(detail.history).toHaveLength(2);
    await page.context().close();
    await visitor.context().close();
  });

  it('withdraws a published result with a reason: it leaves the public list, its history stays', async () => {
    const target = published[batches.passed]!;
    const page = await openAs('disclosure-a', `/disclosure/publications/${target.id}`);
    await page.getByRole('button', { name: '撤回' }).click();
    const dialog = page.getByRole('dialog', { name: '撤回公示结果' });
    await dialog.getByRole('button', { name: '撤回' }).click();
    await dialog.getByText('请填写理由').waitFor();
    await dialog.getByLabel('理由').fill('检验报告已被撤销');
    await dialog.getByRole('button', { name: '撤回' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('history').getByText('检验报告已被撤销').waitFor();
    await page.getByText('该结果已撤回，不再出现在公示列表中。').first().waitFor();
    const list = await (await fetch(`${stack.services.url.disclosure}/public/results?pageSize=100`)).json();
    const ids = (list.items as Array<{ id: string; sellerName: string }>).map((r) => r.id);
    expect(ids).not.toContain(target.id);
    const detail = await (await fetch(`${stack.services.url.disclosure}/public/results/${target.id}`)).json();
    expect(detail.current).toMatchObject({ status: 'withdrawn', reason: '检验报告已被撤销' });
    // The public page's list no longer shows it; its own page still says why.
    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(`${stack.services.url.disclosure}/results/${target.id}`);
    await visitor.getByText('检验报告已被撤销').first().waitFor();
    await page.context().close();
    await visitor.context().close();
  });

  it('lists the public notices with their batch', async () => {
    const page = await openAs('disclosure-a', '/disclosure/notices');
    await page.getByTestId('public-notices').getByText(batches.noticed).waitFor();
    await page.context().close();
  });

  it("gives the disclosure officer a home queue: this week's public notices and published results, feeds to look at", async () => {
    const page = await openAs('disclosure-a', '/');
    await page.getByTestId('queue-disclosure-notices').getByText(batches.noticed).waitFor();
    const results = page.getByTestId('queue-disclosure-publications');
    await results.getByRole('link', { name: `查看 ${batches.yuhang}` }).click();
    await page.waitForURL((u) => /^\/disclosure\/publications\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByText(batches.yuhang).first().waitFor();
    await page.goto(`${stack.url}/`);
    await page.getByTestId('queue-disclosure-feeds').waitFor();
    await page.context().close();
  });

  it('registers a platform feed: its credential is shown once; a rotation shows a new one once; retired', async () => {
    const page = await openAs('disclosure-a', '/disclosure/feeds');
    await page.getByRole('heading', { name: '平台订阅', level: 1 }).waitFor();
    await page.getByRole('button', { name: '登记平台' }).click();
    const form = page.getByRole('dialog', { name: '登记平台订阅' });
    await form.getByLabel('平台代码').fill(platformCode);
    await form.getByLabel('平台名称').fill('淘宝');
    await form.getByRole('button', { name: '登记平台' }).click();
    const shown = page.getByRole('dialog', { name: '新凭据（仅显示这一次）' });
    const first = (await shown.getByTestId('credential-password').textContent())?.trim() ?? '';
    expect(first.length).toBeGreaterThanOrEqual(24);
    await shown.getByRole('button', { name: '我已保存，关闭' }).click();
    await shown.waitFor({ state: 'hidden' });
    // Never again: not on the page, not in the list API.
    expect(await page.getByText(first).count()).toBe(0);
    const listed = await call<Array<Record<string, unknown>>>('disclosure', 'GET', '/feeds/platforms', {
      roles: ['disclosure-officer'],
    });
    expect(JSON.stringify(listed.body)).not.toContain(first);
    expect(listed.body[0]).not.toHaveProperty('password');
    // The backfill gave it the final results already known of batches bought on it: delivery state.
    const state = page.getByTestId(`delivery-${platformCode}`);
    await expectEventually(
      async () => {
        await page.reload();
        await state.waitFor();
        const text = await state.textContent();
        expect(text).toMatch(/已推送条数: [1-9]/);
        // Relayed to its topic and not read yet: the platform's lag.
        expect(text).toMatch(/未确认（积压）: [1-9]/);
      },
      { timeoutMs: 60_000, intervalMs: 2_000 },
    );

    await page.getByRole('button', { name: '更换凭据' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '更换凭据' }).click();
    const rotated = page.getByRole('dialog', { name: '新凭据（仅显示这一次）' });
    const second = (await rotated.getByTestId('credential-password').textContent())?.trim() ?? '';
    expect(second).not.toBe(first);
    expect(second.length).toBeGreaterThanOrEqual(24);
    await rotated.getByRole('button', { name: '我已保存，关闭' }).click();
    await rotated.waitFor({ state: 'hidden' });
    expect(await page.getByText(second).count()).toBe(0);

    await page.getByRole('button', { name: '注销' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '注销' }).click();
    await page.getByTestId('feeds').getByText('尚无登记的平台').waitFor();
    await page.context().close();
  });

  it('shows the dashboard with real numbers to a city-level officer and to an auditor', async () => {
    for (const username of ['officer-city', 'auditor-a']) {
      // The month the result notices fell due: enforcement's clock was moved 25 days on, which may
      // be next month already (from 6 December 16:00 UTC on, it is January in Asia/Shanghai).
      expect(deadlineMonth).toMatch(/^\d{4}-\d{2}$/);
      const page = await openAs(username, `/dashboard?month=${deadlineMonth}`);
      await page.getByRole('heading', { name: '统计看板', level: 1 }).waitFor();
      for (const chart of ['chart-stages', 'chart-rates', 'chart-cases', 'chart-deadlines'])
        await page.getByTestId(chart).locator('svg').first().waitFor();
      await page
        .getByText(username === 'auditor-a' ? '全市（全部辖区）' : '辖区 330100')
        .first()
        .waitFor();
      // Three final batches, two cases (余杭, 滨江), six result notices delivered in time.
      await page.getByTestId('chart-stages').getByText('结果确定 3').waitFor();
      const cases = page.getByTestId('chart-cases');
      await cases.getByText(/余杭/).first().waitFor();
      await cases.getByText(/滨江/).first().waitFor();
      await page
        .getByTestId('chart-deadlines')
        .getByText(/结果通知（5 个工作日）: 按期 [1-9]/)
        .waitFor();
      // Pass rate with its interval, from disclosure's statistics (the withdrawn result no longer counts).
      await page
        .getByText(/区间 \(95%\): \d+\.\d% – \d+\.\d%/)
        .first()
        .waitFor();
      await page.context().close();
    }
    const overview = await call<{ casesByArea: Array<{ areaCode: string }> }>(
      'enforcement',
      'GET',
      '/statistics/overview',
      cityOfficer,
    );
    expect(overview.body.casesByArea.map((a) => a.areaCode).sort()).toEqual(['330108', '330110']);
  });

  it("fits the dashboard in English: each chart's legend on one line on a phone, the cases table in its card on a desktop", async () => {
    const legends = {
      'chart-rates': ['Pass rate', 'Detection rate'],
      'chart-cases': ['Routed', 'Accepted', 'Investigating', 'Closed'],
      'chart-deadlines': ['Met', 'Missed', 'Not yet due'],
    };
    for (const phone of [true, false]) {
      const page = await openAs('officer-city', '/', phone);
      await page.evaluate(() => localStorage.setItem('qis.console.language', 'en'));
      await page.goto(`${stack.url}/dashboard?month=${deadlineMonth}`);
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      for (const [chart, names] of Object.entries(legends)) {
        const drawing = page.getByTestId(chart).locator('svg').first();
        await drawing.getByText(names[0]!, { exact: true }).waitFor();
        const tops = await drawing.evaluate((svg, wanted) => {
          const found: Record<string, number> = {};
          for (const text of Array.from(svg.querySelectorAll('text'))) {
            const name = text.textContent ?? '';
            if (wanted.includes(name) && !(name in found))
              found[name] = Math.round(text.getBoundingClientRect().top);
          }
          return found;
        }, names);
        // Every entry is drawn (a paged legend keeps the others a tap away), all on the first one's line.
        const first = tops[names[0]!]!;
        expect(
          Object.fromEntries(names.map((n) => [n, tops[n] !== undefined && Math.abs(tops[n] - first) <= 2])),
        ).toEqual(Object.fromEntries(names.map((n) => [n, true])));
      }
      if (!phone) {
        // Every column of the cases table, the total last, inside the card: nothing scrolled out of sight.
        const table = page.getByTestId('chart-cases').locator('.ant-table');
        await table.getByRole('columnheader', { name: 'Total' }).waitFor();
        const fit = await page.getByTestId('chart-cases').evaluate((card) => {
          const edge = card.getBoundingClientRect().right;
          const scroller = card.querySelector('.ant-table-content') as HTMLElement;
          return {
            scrolls: scroller.scrollWidth > scroller.clientWidth + 1,
            past: Array.from(card.querySelectorAll('th'))
              .filter((th) => th.getBoundingClientRect().right > edge + 0.5)
              .map((th) => th.textContent),
          };
        });
        expect(fit).toEqual({ scrolls: false, past: [] });
      }
      await page.context().close();
    }
  });

  it('a district officer sees only their district on the dashboard; district officers and platforms cannot open the admin pages', async () => {
    const district = await call<{ casesByArea: Array<{ areaCode: string }>; jurisdiction: string }>(
      'enforcement',
      'GET',
      '/statistics/overview',
      { roles: ['enforcement-officer'], jurisdiction: '330108' },
    );
    expect(district.status).toBe(200);
    expect(district.body.casesByArea.map((a) => a.areaCode)).toEqual(['330108']);

    const page = await openAs('officer-binjiang', '/dashboard');
    await page.getByText('辖区 330108').waitFor();
    for (const path of ['/disclosure/publications', '/disclosure/feeds', '/disclosure/notices']) {
      await page.goto(`${stack.url}${path}`);
      await page.getByRole('heading', { name: '无权访问此页面' }).waitFor();
    }
    await page.context().close();
    const platform = await openAs('platform-a', '/disclosure/publications');
    await platform.getByRole('heading', { name: '无权访问此页面' }).waitFor();
    await platform.goto(`${stack.url}/dashboard`);
    await platform.getByRole('heading', { name: '无权访问此页面' }).waitFor();
    await platform.context().close();

    const target = published[batches.binjiang]!;
    const districtOfficer: TestClaims = { roles: ['enforcement-officer'], jurisdiction: '330108' };
    const platformUser: TestClaims = { roles: ['platform'], platformId: 'yungou' };
    for (const claims of [districtOfficer, platformUser]) {
      expect((await call('disclosure', 'GET', '/publications', claims)).status).toBe(403);
      expect((await call('disclosure', 'GET', `/publications/${target.id}`, claims)).status).toBe(403);
      expect((await call('disclosure', 'GET', '/public-notices', claims)).status).toBe(403);
      expect((await call('disclosure', 'GET', '/feeds/platforms/delivery', claims)).status).toBe(403);
      expect(
        (await call('disclosure', 'POST', '/feeds/platforms', claims, { code: 'jd', name: '京东' })).status,
      ).toBe(403);
    }
    // A district officer's jurisdiction does not cover the bureau: no correction or withdrawal.
    const refused = await call(
      'disclosure',
      'POST',
      `/publications/${target.id}/withdrawal`,
      districtOfficer,
      {
        reason: '越权撤回',
      },
    );
    expect(refused.status).toBe(403);
    expect((await call('enforcement', 'GET', '/statistics/overview', platformUser)).status).toBe(403);
  });

  it('screens in Chinese and English, desktop and phone, with no serious accessibility violation', async () => {
    const target = published[batches.yuhang]!;
    const disclosurePages = [
      { path: '/', name: 'disclosure-home' },
      { path: '/disclosure/publications', name: 'disclosure-publications' },
      { path: `/disclosure/publications/${target.id}`, name: 'disclosure-publication' },
      { path: '/disclosure/notices', name: 'disclosure-notices' },
      { path: '/disclosure/feeds', name: 'disclosure-feeds' },
    ];
    const dashboardPages = [{ path: '/dashboard', name: 'dashboard-city' }];
    const auditorPages = [{ path: '/dashboard', name: 'dashboard-auditor' }];
    for (const device of ['desktop', 'phone'] as const) {
      await captureAs(browser, stack, 'disclosure-a', device, disclosurePages);
      await captureAs(browser, stack, 'officer-city', device, dashboardPages);
      await captureAs(browser, stack, 'auditor-a', device, auditorPages);
    }
    const ours = Object.entries(violations);
    expect(ours).toHaveLength((disclosurePages.length + dashboardPages.length + auditorPages.length) * 4);
    expect(Object.fromEntries(ours.filter(([, v]) => v.length > 0))).toEqual({});
  });
});
