import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, screenshot, signIn } from './browser';
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

/**
 * The planning workflow as the bureau's staff do it, in a real browser signed in on Keycloak's
 * own page: a planner imports listings (bad rows reported), creates and submits a plan; a second
 * person approves it (the author never can); the planner draws and issues batches; the batch
 * timeline shows them. Roles keep to their pages and APIs. Every page is captured in Chinese and
 * English, desktop and phone, and checked with axe-core.
 */
describe('the staff console, part 1: planning and administration', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  let planner: BrowserContext;
  let plannerPage: Page;
  let plannerToken: () => string;
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const title = `2026年冬季蚕丝被专项抽检 ${tag}`;
  let planPath = '';
  let batchNumber = '';

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    planner = await newContext(browser);
    plannerPage = await planner.newPage();
    plannerToken = tokenOf(plannerPage);
    await signIn(plannerPage, stack.url, stack.user('planner-a'));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const api = (method: string, route: string, token: string, body?: unknown) =>
    fetch(`${stack.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  it('lands the planner on their queue, with the planning menu and no administration', async () => {
    const page = plannerPage;
    await page.getByRole('heading', { name: '我的工作', level: 1 }).waitFor();
    await page.getByTestId('queue-draft-plans').waitFor();
    await page.getByText('抽检计划', { exact: true }).click();
    await expectVisible(page.getByRole('link', { name: '新建计划' }));
    expect(await page.getByText('运维与审计', { exact: true }).count()).toBe(0);
    expect(await page.getByTestId('current-user').innerText()).toMatch(/周敏\s*计划员/);
  });

  it('imports a CSV of listings and shows the rows it refused, each with its field and reason', async () => {
    const page = plannerPage;
    const dir = mkdtempSync(path.join(tmpdir(), 'qis-console-'));
    const file = path.join(dir, 'listings.csv');
    writeFileSync(file, listingsCsv(tag, 8));
    await page.goto(`${stack.url}/listings/import`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: '开始导入' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const text = await report.innerText();
    expect(text).toMatch(/收到行数\s*10/);
    expect(text).toMatch(/导入成功\s*8/);
    expect(text).toMatch(/错误行\s*2/);
    expect(text).toContain('priceFen');
    expect(text).toContain('sellerCreditCode');
    await expectVisible(page.getByRole('button', { name: '下载错误报告' }));
    await screenshot(page, 'import-report-zh-CN-desktop');
  });

  it('creates a routine plan with a quota and a price cap, and submits it for approval', async () => {
    const page = plannerPage;
    await page.goto(`${stack.url}/plans/new`);
    await page.getByLabel('标题', { exact: true }).fill(title);
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByLabel('姓名', { exact: true }).fill('周敏');
    await page.getByLabel('电话', { exact: true }).fill('0571-87000000');
    await page.getByRole('button', { name: '新建计划' }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    planPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: '提交审批' }).click();
    await page.getByText('待审批', { exact: true }).first().waitFor();
  });

  it('creates an emergency plan on an instruction from a higher authority, and its page names that trigger', async () => {
    const page = plannerPage;
    await page.goto(`${stack.url}/plans/new`);
    await page.getByText('应急抽检', { exact: true }).click();
    await page.getByLabel('标题', { exact: true }).fill(`${title}（上级交办）`);
    await page.getByLabel('应急情形', { exact: true }).click();
    await page.getByTitle('上级交办', { exact: true }).click();
    await page.getByLabel('触发依据', { exact: true }).fill('省局交办函〔2026〕12 号：儿童服装绳带安全');
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByLabel('姓名', { exact: true }).fill('周敏');
    await page.getByLabel('电话', { exact: true }).fill('0571-87000000');
    await page.getByRole('button', { name: '新建计划' }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await expectVisible(page.getByText('上级交办', { exact: true }));
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const res = await fetch(`${stack.services.url.planning}/plans/${id}`, {
      headers: { authorization: `Bearer ${plannerToken()}` },
    });
    expect(await res.json()).toMatchObject({
      kind: 'emergency',
      emergencyTriggerKind: 'higher-authority-instruction',
    });
  });

  it('does not let the planner approve their own plan: no button, and the API answers 403', async () => {
    expect(await plannerPage.getByRole('button', { name: '批准' }).count()).toBe(0);
    const planId = planPath.split('/').pop()!;
    const res = await api('POST', `/api/planning/plans/${planId}/approve`, plannerToken());
    expect(res.status).toBe(403);
  });

  it('has a second person approve it from their queue', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('approver-a'));
    const queue = page.getByTestId('queue-awaiting-approval');
    await queue.getByRole('link', { name: title }).click();
    await page.waitForURL((u) => u.pathname === planPath);
    await page.getByRole('button', { name: '批准' }).click();
    await page.getByText('已批准', { exact: true }).first().waitFor();
    // People by name, not by their account ids: the approver as themself, the author as staff.
    const item = (label: string) =>
      page.locator('.ant-descriptions-item-container', {
        has: page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }),
      });
    await item('审批人').getByText('陈立（本人）').waitFor();
    expect(await item('创建人').innerText()).toMatch(/^创建人\s*工作人员 [0-9a-f]{8}$/);
    await context.close();
  });

  it('shows an author who is also an approver why they cannot approve, and the API refuses it (409, four eyes)', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const token = tokenOf(page);
    await signIn(page, stack.url, stack.user('planner-approver'));
    await page.getByTestId('queue-draft-plans').waitFor();
    const created = await api('POST', '/api/planning/plans', token(), {
      kind: 'routine',
      title: `自审计划 ${tag}`,
      randomShare: 0.2,
      scheme: {
        categories: [
          {
            category: 'silk-quilt',
            quota: 1,
            riskWeight: 0.5,
            unitPriceCapFen: 80_000,
            testUnits: 1,
            backupUnits: 1,
            testStandards: ['GB/T 24252-2019'],
            testItems: ['纤维含量'],
          },
        ],
        budgetFen: 1_000_000,
        judgmentRules: '依据产品标准判定',
        resultNotification: '5个工作日内告知',
        reinspection: '15日内可申请复检',
        contacts: [{ name: '吴刚', phone: '0571-87000001' }],
      },
    });
    expect(created.status).toBe(201);
    const plan = (await created.json()) as { id: string };
    expect((await api('POST', `/api/planning/plans/${plan.id}/submit`, token())).status).toBe(200);
    await page.goto(`${stack.url}/plans/${plan.id}`);
    await expect(page.getByRole('button', { name: '批准' }).isDisabled()).resolves.toBe(true);
    await page.getByText('提交人不能审批自己的计划（双人复核）').first().waitFor();
    const refused = await api('POST', `/api/planning/plans/${plan.id}/approve`, token());
    expect(refused.status).toBe(409);
    await context.close();
  });

  it('draws the listings with the plan seed shown, issues the batches and opens one on the timeline', async () => {
    const page = plannerPage;
    await page.goto(`${stack.url}${planPath}`);
    await page.getByRole('button', { name: '抽取链接' }).click();
    const draw = page.getByTestId('plan-draw');
    await draw.waitFor();
    expect(await draw.innerText()).toContain('随机种子');
    await page.getByRole('button', { name: '下达批次' }).click();
    const issued = page.getByTestId('issued-batches');
    await issued.waitFor();
    const first = issued.getByRole('link').first();
    batchNumber = (await first.innerText()).trim();
    expect(batchNumber).toMatch(/^[A-Z]{2,8}\d{4}-\d{6}$/);
    await first.click();
    await page.getByRole('heading', { name: `批次追溯 ${batchNumber}`, level: 1 }).waitFor();
    const issuedStage = page.locator('[data-stage=issued][data-state=present]');
    await issuedStage.waitFor();
    expect(await issuedStage.innerText()).toContain(title);
  });

  it('finds the batch on the timeline by its seller', async () => {
    const page = plannerPage;
    await page.goto(`${stack.url}/batches`);
    await page.locator('main').getByLabel('搜索批次号').fill('丝韵家纺');
    await page.getByRole('button', { name: '查询' }).click();
    const found = page.getByTestId('batch-search-results');
    await found.getByRole('link', { name: batchNumber }).click();
    await page.locator('[data-stage=issued][data-state=present]').waitFor();
  });

  it("keeps an auditor out of the planner's pages and APIs (the page says so; the API answers 403)", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const token = tokenOf(page);
    await signIn(page, stack.url, stack.user('auditor-a'), '/plans/new');
    await page.getByRole('heading', { name: '无权访问此页面', level: 1 }).waitFor();
    await page.goto(`${stack.url}/plans`);
    await page.getByRole('heading', { name: '计划列表', level: 1 }).waitFor();
    // The planning menu opens on this page: the auditor reads plans, but has no "new plan".
    await expectVisible(page.getByRole('link', { name: '商品链接' }));
    expect(await page.getByRole('link', { name: '新建计划' }).count()).toBe(0);
    expect((await api('POST', '/api/planning/plans', token(), {})).status).toBe(403);
    expect((await api('GET', '/api/planning/ops/dead-letters', token())).status).toBe(403);
    await context.close();
  });

  it('tells a signed-in user without any role that their account has none', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('no-role'));
    await page.getByRole('heading', { name: '您的账户没有可用的角色', level: 1 }).waitFor();
    await expectVisible(page.getByRole('button', { name: '退出登录' }));
    await context.close();
  });

  it('signs out through Keycloak: the next visit asks for the password again', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('admin-a'));
    await page.getByRole('heading', { name: '我的工作', level: 1 }).waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    // Keycloak ends the session and sends the browser back, and the console asks for the password.
    await page.waitForURL((u) => u.origin === new URL(process.env['KEYCLOAK_URL']!).origin);
    await page.locator('#username').waitFor();
    await page.goto(`${stack.url}/plans`);
    await page.locator('#username').waitFor();
    await context.close();
  });

  it('captures every page in Chinese and English, desktop and phone, with no serious accessibility violation', async () => {
    const plannerPages = [
      { path: '/', name: 'home-planner' },
      { path: '/plans', name: 'plans' },
      { path: '/plans/new', name: 'plan-new' },
      { path: planPath, name: 'plan-detail' },
      { path: '/listings', name: 'listings' },
      { path: '/listings/import', name: 'listings-import' },
      { path: '/follow-ups', name: 'follow-ups' },
      { path: `/batches/${batchNumber}`, name: 'batch-timeline' },
    ];
    const adminPages = [
      { path: '/', name: 'home-admin' },
      { path: '/admin/audit', name: 'audit' },
      { path: '/admin/dead-letters', name: 'dead-letters' },
      { path: '/admin/health', name: 'health' },
      { path: '/admin/calendar', name: 'calendar' },
    ];
    for (const device of ['desktop', 'phone'] as const) {
      await captureAs(browser, stack, 'planner-a', device, plannerPages);
      await captureAs(browser, stack, 'approver-a', device, [{ path: '/', name: 'home-approver' }]);
      await captureAs(browser, stack, 'admin-a', device, adminPages);
      await captureAs(browser, stack, 'auditor-a', device, [{ path: '/plans/new', name: 'forbidden' }]);
      await captureAs(browser, stack, 'no-role', device, [{ path: '/', name: 'no-role' }]);
    }
    expect(Object.keys(violations)).toHaveLength((plannerPages.length + adminPages.length + 3) * 4);
    const serious = Object.fromEntries(Object.entries(violations).filter(([, v]) => v.length > 0));
    expect(serious).toEqual({});
  });
});

async function expectVisible(locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}
