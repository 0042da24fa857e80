import { randomBytes, randomUUID } from 'node:crypto';
import { OrderPlaced, SampleSealed, type EventDescriptor } from '@qis/contracts';
import { KeycloakAdmin, keycloakSettings, newPassword, type RealmUser } from '@qis/console-stack';
import { kafkaConnection } from '@qis/messaging';
import { expectEventually } from '@qis/testing';
import { Kafka, logLevel } from 'kafkajs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chooseOption, launchBrowser, newContext, screenshot, signIn } from './browser';
import { captureAs, violations } from './capture';
import { startConsoleStack, type ConsoleStack } from './console-harness';
import { listingsCsv } from './listings-csv';

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

/** An event of another service on this test's topics, with the outbox's headers. */
async function announce<V extends { batchNumber: string }>(contract: EventDescriptor<object, V>, value: V) {
  const producer = new Kafka({
    clientId: 'console-e2e',
    ...kafkaConnection(),
    logLevel: logLevel.NOTHING,
  }).producer({
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  try {
    await producer.send({
      topic: `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}${contract.topic}`,
      acks: -1,
      messages: [
        {
          key: value.batchNumber,
          value: JSON.stringify(value),
          headers: {
            'message-id': randomUUID(),
            type: contract.type,
            version: String(contract.version),
            'occurred-at': new Date().toISOString(),
            'correlation-id': value.batchNumber,
            producer: contract.owner,
          },
        },
      ],
    });
  } finally {
    await producer.disconnect();
  }
}

/**
 * Delegated sampling (一事一委托) in a real browser signed in on Keycloak: an approver delegates a
 * plan to the 上城 district bureau on the plan's page; a second delegation of one of its batches is
 * refused with the reason; the 上城 officer then sees the batch's sampling notice and the 滨江
 * officer does not; revoked with a reason, the 上城 officer loses it. Captured in Chinese and
 * English, desktop and phone, and checked with axe-core.
 */
describe('the staff console: delegated sampling', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  let approver: BrowserContext;
  let approverPage: Page;
  let planId = '';
  let batches: string[] = [];
  let shangcheng: RealmUser;
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const reference = `杭市监委〔2026〕${tag}号`;

  const api = async (
    method: string,
    route: string,
    token: string,
    body?: unknown,
    type = 'application/json',
  ) => {
    const res = await fetch(`${stack.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': type } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const ok = async (reply: Promise<{ status: number; body: unknown }>, status = 200) => {
    const r = await reply;
    if (r.status !== status)
      throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const withOfficer = (): ConsoleStack => ({
    ...stack,
    user: (name) => (name === 'officer-shangcheng' ? shangcheng : stack.user(name)),
  });

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    shangcheng = {
      username: 'officer-shangcheng',
      lastName: '郑',
      firstName: '城',
      roles: ['enforcement-officer'],
      attributes: { jurisdiction: '330102' },
      password: newPassword(),
    };
    await new KeycloakAdmin(keycloakSettings()).upsertUser(stack.realm, shangcheng);

    // A plan issued through the API: the delegation is the page's business.
    const planner = await newContext(browser);
    const plannerPage = await planner.newPage();
    const plannerToken = tokenOf(plannerPage);
    await signIn(plannerPage, stack.url, stack.user('planner-a'));
    await plannerPage.getByTestId('queue-draft-plans').waitFor();
    approver = await newContext(browser);
    approverPage = await approver.newPage();
    const approverToken = tokenOf(approverPage);
    await signIn(approverPage, stack.url, stack.user('approver-a'));
    await approverPage.getByRole('heading', { name: '我的工作', level: 1 }).waitFor();

    await ok(api('POST', '/api/planning/listings/import', plannerToken(), listingsCsv(tag, 2), 'text/csv'));
    const plan = (await ok(
      api('POST', '/api/planning/plans', plannerToken(), {
        kind: 'routine',
        title: `委托抽检计划 ${tag}`,
        randomShare: 0.5,
        scheme: {
          categories: [
            {
              category: 'silk-quilt',
              quota: 2,
              riskWeight: 0.5,
              unitPriceCapFen: 80_000,
              testUnits: 1,
              backupUnits: 1,
              testStandards: ['GB/T 24252-2019'],
              testItems: ['纤维含量'],
            },
          ],
          budgetFen: 1_000_000,
          platforms: ['lanjing'],
          judgmentRules: '依据产品标准判定',
          resultNotification: '5个工作日内告知',
          reinspection: '15日内可申请复检',
          contacts: [{ name: '周敏', phone: '0571-87000001' }],
        },
      }),
      201,
    )) as { id: string };
    planId = plan.id;
    await ok(api('POST', `/api/planning/plans/${planId}/submit`, plannerToken()));
    await ok(api('POST', `/api/planning/plans/${planId}/approve`, approverToken()));
    await ok(api('POST', `/api/planning/plans/${planId}/selection`, plannerToken()));
    const issued = (await ok(
      api('POST', `/api/planning/plans/${planId}/issue`, plannerToken()),
    )) as unknown as Array<{
      batchNumber: string;
    }>;
    batches = issued.map((b) => b.batchNumber);
    expect(batches.length).toBeGreaterThanOrEqual(1);
    await planner.close();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('records a delegation of the plan to the 上城 district bureau on the plan page', async () => {
    const page = approverPage;
    await page.goto(`${stack.url}/plans/${planId}`);
    const card = page.getByTestId('plan-delegations');
    await card.getByText('本计划未委托。').waitFor();
    await card.getByRole('button', { name: '委托区县局' }).click();
    const modal = page.locator('.ant-modal-content').filter({ has: page.getByTestId('delegation-form') });
    await chooseOption(page, modal.getByLabel('受委托机关'), '上城区 330102');
    await modal.getByLabel('委托书编号').fill(reference);
    await modal.getByLabel('截止日期').fill('2099-12-31');
    await modal.getByLabel('委托理由').fill('平台注册地在上城区，由上城区局就近实施抽检');
    await screenshot(page, 'delegation-form-zh-CN-desktop');
    await modal.getByRole('button', { name: '委托区县局' }).click();
    const row = card.locator('tr', { hasText: reference });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('杭州市上城区市场监督管理局');
    expect(text).toContain('受杭州市市场监督管理局委托');
    expect(text).toContain('有效');
    expect(text).toContain(`整个计划 (${batches.length})`);
  });

  it('refuses a second delegation of one of its batches, saying why (一事一委托)', async () => {
    const page = approverPage;
    const card = page.getByTestId('plan-delegations');
    await card.getByRole('button', { name: '委托区县局' }).click();
    const modal = page.locator('.ant-modal-content').filter({ has: page.getByTestId('delegation-form') });
    await modal.getByText('单个批次').click();
    await modal.getByLabel('批次号').fill(batches[0]);
    await chooseOption(page, modal.getByLabel('受委托机关'), '西湖区 330106');
    await modal.getByLabel('委托书编号').fill(`${reference}-2`);
    await modal.getByLabel('截止日期').fill('2099-12-31');
    await modal.getByLabel('委托理由').fill('再次委托');
    await modal.getByRole('button', { name: '委托区县局' }).click();
    await modal
      .locator('.ant-alert-error')
      .getByText(/一事一委托/)
      .waitFor();
    await screenshot(page, 'delegation-refused-zh-CN-desktop');
    await modal.getByRole('button', { name: '取消' }).click();
    expect(await card.locator('tr', { hasText: `${reference}-2` }).count()).toBe(0);
  });

  it("shows the delegated batch's notice to the 上城 officer and not to 滨江's", async () => {
    const batch = batches[0];
    await announce(OrderPlaced, { ...OrderPlaced.example.value, batchNumber: batch });
    await announce(SampleSealed, {
      ...SampleSealed.example.value,
      batchNumber: batch,
      sampleCode: `${batch}-S`,
    });
    for (const [username, sees] of [
      ['officer-shangcheng', true],
      ['officer-binjiang', false],
    ] as const) {
      const context = await newContext(browser);
      const page = await context.newPage();
      const token = tokenOf(page);
      await signIn(
        page,
        stack.url,
        withOfficer().user(username),
        `/enforcement/notices?batchNumber=${batch}`,
      );
      await page.locator('main h1').first().waitFor();
      const api404 = await expectEventually(
        async () => {
          const res = await api('GET', `/api/enforcement/batches/${batch}/notices`, token());
          if (sees) expect(res.status).toBe(200);
          if (sees) expect((res.body as unknown as unknown[]).length).toBeGreaterThanOrEqual(1);
          return res;
        },
        { timeoutMs: 60_000 },
      );
      if (!sees) {
        expect(api404.status).toBe(404);
        expect(JSON.stringify(api404.body)).not.toContain('sampling');
      }
      await page.reload();
      await page.locator('main h1').first().waitFor();
      await screenshot(page, `delegation-notices-${username}-zh-CN-desktop`);
      const rows = page.locator('main tr', { hasText: batch });
      if (sees) await rows.first().waitFor();
      else expect(await rows.count()).toBe(0);
      await context.close();
    }
  });

  it('revokes the delegation with a reason; the 上城 officer loses the batch', async () => {
    const page = approverPage;
    await page.goto(`${stack.url}/plans/${planId}`);
    const card = page.getByTestId('plan-delegations');
    const row = card.locator('tr', { hasText: reference });
    await row.getByRole('button', { name: '收回委托' }).click();
    await page.getByLabel('收回理由').fill('委托事项已办结，市局收回');
    await page.locator('.ant-modal-content').getByRole('button', { name: '收回委托' }).click();
    await row.getByText('已收回').waitFor();
    expect(await row.innerText()).toContain('委托事项已办结，市局收回');

    const context = await newContext(browser);
    const officerPage = await context.newPage();
    const token = tokenOf(officerPage);
    await signIn(officerPage, stack.url, shangcheng, `/enforcement/notices?batchNumber=${batches[0]}`);
    await officerPage.locator('main h1').first().waitFor();
    await expectEventually(
      async () => {
        expect((await api('GET', `/api/enforcement/batches/${batches[0]}/notices`, token())).status).toBe(
          404,
        );
      },
      { timeoutMs: 60_000 },
    );
    await context.close();
  });

  it('captures the plan page with its delegations in Chinese and English, desktop and phone, with no serious axe violation', async () => {
    const pages = [{ path: `/plans/${planId}`, name: 'plan-delegations' }];
    for (const device of ['desktop', 'phone'] as const)
      await captureAs(browser, stack, 'approver-a', device, pages);
    const ours = Object.entries(violations);
    expect(ours).toHaveLength(pages.length * 4);
    expect(Object.fromEntries(ours.filter(([, v]) => v.length > 0))).toEqual({});
  });
});
