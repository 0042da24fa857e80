import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KeycloakAdmin, keycloakSettings, newPassword, type RealmUser } from '@qis/console-stack';
import { expectEventually } from '@qis/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, screenshot, signIn } from './browser';
import { captureAs, violations } from './capture';
import { startConsoleStack, type ConsoleStack } from './console-harness';
import { shownPdf } from './pdf-viewer';
import { announceSealedSample } from './sealed-sample';

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

/** A small signed-report stand-in: one A4 page that says its file name (and bytes of its own). */
function pdfFile(name: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'qis-lab-pdf-')), name);
  const text = `BT /F1 24 Tf 72 760 Td (Test report ${name}) Tj ET`;
  writeFileSync(
    file,
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
      `4 0 obj << /Length ${text.length} >> stream`,
      text,
      'endstream endobj',
      '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
      `% ${randomBytes(8).toString('hex')}`,
      'trailer << /Root 1 0 R >>',
      '%%EOF',
      '',
    ].join('\n'),
  );
  return file;
}

const shanghaiDate = (days: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/**
 * The lab portal and the lab registry in a real browser signed in on Keycloak's own page: two
 * registered labs with a user each; a sealed silk quilt is drawn to the first, which accepts it,
 * reports per test item with the signed PDF through the evidence store, and amends the report;
 * the other lab sees none of it. The administrator sees the labs and the draw.
 */
describe('the staff console, part 3: lab portal and lab registry', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  let admin: BrowserContext;
  let adminPage: Page;
  let adminToken: () => string;
  let labUsers: Record<string, RealmUser>;
  let assignmentId = '';
  let textileId = '';
  let declinedId = '';
  let firstReport = '';
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const sequence = Math.floor(Math.random() * 900_000) + 100_000;
  const batchNumber = `HZ2026-${String(sequence)}`;
  const declinedBatch = `HZ2026-${String(sequence + 1)}`;

  const api = async (method: string, route: string, token: string, body?: unknown) => {
    const res = await fetch(`${stack.url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'idempotency-key': randomBytes(16).toString('hex'),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  };

  const registerLab = async (
    name: string,
    category: string,
    cmaExpiresOn: string,
    contractEnds: string | null = '2030-12-31',
  ): Promise<string> => {
    const res = await api('POST', '/api/lab-gateway/labs', adminToken(), {
      name,
      address: '浙江省杭州市西湖区示例路1号',
      cmaNumber: `CMA${randomBytes(5).toString('hex')}`,
      cmaExpiresOn,
      qualificationLevel: 3,
      scopes: [{ category, standards: ['GB/T 24252-2019'] }],
      capacity: 20,
      turnaroundWorkingDays: 10,
      ...(contractEnds === null
        ? {}
        : {
            contract: {
              contractNumber: `HZSJ-WT-${tag}-${category}`,
              validFrom: '2026-01-01',
              validTo: contractEnds,
              turnaroundWorkingDays: 10,
              categories: [{ category, priceFen: 120_000 }],
            },
          }),
    });
    if (res.status !== 201) throw new Error(`register lab: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { id: string }).id;
  };

  /** The stack, knowing the lab users this file created. */
  const withLabUsers = (): ConsoleStack => ({
    ...stack,
    user: (name) => labUsers[name] ?? stack.user(name),
  });

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    admin = await newContext(browser);
    adminPage = await admin.newPage();
    adminToken = tokenOf(adminPage);
    await signIn(adminPage, stack.url, stack.user('admin-a'));
    await adminPage.getByRole('heading', { name: '我的工作', level: 1 }).waitFor();
    const items = await api('PUT', '/api/lab-gateway/test-items/silk-quilt', adminToken(), {
      items: [
        { item: '蚕丝含量', mandatory: true },
        { item: '质量偏差率', mandatory: true },
        { item: '纤维含量', mandatory: true },
        { item: '杂质含量', mandatory: false },
      ],
    });
    expect(items.status).toBe(200);
    // Only the textile institute may test silk quilts: the draw has one candidate.
    // Its entrustment contract ends within 30 days: highlighted in the registry.
    const textile = await registerLab(
      `纺织品检测研究院 ${tag}`,
      'silk-quilt',
      '2030-12-31',
      shanghaiDate(25),
    );
    textileId = textile;
    const other = await registerLab(`质量技术监督检测院 ${tag}`, 'down-quilt', shanghaiDate(20));
    // The lab users carry the registered labs' ids, as the demo stack links them.
    const keycloak = new KeycloakAdmin(keycloakSettings());
    const user = (username: string, labId: string): RealmUser => ({
      username,
      lastName: '检测员',
      firstName: username,
      roles: ['lab'],
      attributes: { labId },
      password: newPassword(),
    });
    labUsers = { 'lab-textile': user('lab-textile', textile), 'lab-other': user('lab-other', other) };
    for (const u of Object.values(labUsers)) await keycloak.upsertUser(stack.realm, u);
    await announceSealedSample(batchNumber, 'silk-quilt');
    await announceSealedSample(declinedBatch, 'silk-quilt');
    const drawn = (batch: string) =>
      expectEventually(async () => {
        const page = await api('GET', `/api/lab-gateway/dispatches?batchNumber=${batch}`, adminToken());
        const [dispatch] = (page.body as { items: Array<{ id: string; labId: string }> }).items;
        expect(dispatch?.labId).toBe(textile);
        return dispatch!.id;
      });
    assignmentId = await drawn(batchNumber);
    declinedId = await drawn(declinedBatch);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lists the assignment for the lab it was drawn to; the lab accepts it and reports progress', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, labUsers['lab-textile']!, '/lab/assignments');
    await page.getByRole('heading', { name: '我的检验任务', level: 1 }).waitFor();
    await page.getByRole('link', { name: batchNumber }).click();
    await page.waitForURL((u) => u.pathname === `/lab/assignments/${assignmentId}`);
    await page.getByRole('button', { name: '接收任务' }).click();
    await page.getByTestId('report-form').waitFor();
    expect(await page.getByText('已接收', { exact: true }).count()).toBeGreaterThan(0);
    await page.getByLabel('进度', { exact: true }).selectOption('testing');
    await page.getByLabel('说明', { exact: true }).fill('纤维含量测试中');
    await page.getByRole('button', { name: '报告进度' }).click();
    await page
      .getByTestId('progress')
      .getByText(/检验中 · 纤维含量测试中/)
      .waitFor();
    await context.close();
  });

  it('declines another assignment with a reason; with no other qualified lab the sample waits, the reason shown', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, labUsers['lab-textile']!, `/lab/assignments/${declinedId}`);
    await page.getByRole('button', { name: '拒收' }).click();
    await page.getByLabel('拒收原因').fill('检测设备检修，无法按期检验');
    await page.getByRole('dialog').getByRole('button', { name: '拒收' }).click();
    await page.getByText('已拒收', { exact: true }).first().waitFor();
    await page.locator('.ant-descriptions').getByText('检测设备检修，无法按期检验').waitFor();
    await context.close();
  });

  it('submits the report with a result per test item and the signed PDF through the evidence store', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, labUsers['lab-textile']!, `/lab/assignments/${assignmentId}`);
    const form = page.getByTestId('report-form');
    await form.waitFor();
    firstReport = `ZJFZ2026-W-${tag}1`;
    await fillReport(page, firstReport, 'report.pdf');
    await screenshot(page, 'lab-report-uploaded-zh-CN-desktop'); // the progress bar at 100 % and the hash
    await page.getByRole('button', { name: '提交报告' }).click();
    const reports = page.getByTestId('reports');
    await reports.getByText(firstReport).waitFor();
    expect(await page.getByText('已报告', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'lab-reported-zh-CN-desktop');
    await context.close();
  });

  it('shows another lab none of it: an empty list, the not-found page, and 404 from the API', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const token = tokenOf(page);
    await signIn(page, stack.url, labUsers['lab-other']!, '/lab/assignments');
    await page.getByRole('heading', { name: '我的检验任务', level: 1 }).waitFor();
    await page.locator('.ant-empty').first().waitFor();
    expect(await page.getByText(batchNumber).count()).toBe(0);
    await page.goto(`${stack.url}/lab/assignments/${assignmentId}`);
    await page.getByRole('heading', { name: '页面不存在', level: 1 }).waitFor();
    expect(await page.getByText(batchNumber).count()).toBe(0);
    expect((await api('GET', `/api/lab-gateway/v1/assignments/${assignmentId}`, token())).status).toBe(404);
    const list = await api('GET', '/api/lab-gateway/v1/assignments', token());
    expect((list.body as { total: number }).total).toBe(0);
    await context.close();
  });

  it('replaces the report with an amended one that names it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, labUsers['lab-textile']!, `/lab/assignments/${assignmentId}`);
    const form = page.getByTestId('report-form');
    await form.getByText(`本报告将替代报告 ${firstReport}`).waitFor();
    const amended = `ZJFZ2026-W-${tag}2`;
    await fillReport(page, amended, 'report-amended.pdf');
    await page.getByLabel('更正原因').fill('纤维含量实测值誊写有误');
    await page.getByRole('button', { name: '提交更正报告' }).click();
    const reports = page.getByTestId('reports');
    await reports.getByText(amended).waitFor();
    const rows = await reports.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(amended);
    expect(rows[1]).toContain(firstReport);
    await context.close();
  });

  it('shows the administrator the registry: scope, expiry highlighted, and the draw of the dispatch', async () => {
    const page = adminPage;
    await page.goto(`${stack.url}/labs`);
    await page.getByRole('heading', { name: '承检机构名录', level: 1 }).waitFor();
    await page.getByText(`纺织品检测研究院 ${tag}`).first().waitFor();
    await page.getByText('30 天内到期').first().waitFor();
    const dispatches = page.getByTestId('dispatches');
    const row = dispatches.locator('tr', { hasText: batchNumber });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toMatch(/随机种子/);
    expect(text).toContain(`抽中: 纺织品检测研究院 ${tag}`);
    expect(text).toContain('按记录复算结果一致');
    const waiting = page.getByTestId('waiting-samples').locator('tr', { hasText: declinedBatch });
    await waiting.waitFor();
    expect(await waiting.innerText()).toContain(`纺织品检测研究院 ${tag}: excluded from this draw`);
  });

  it('records, amends and ends entrustment contracts in the registry; the dispatch names the contract it applied', async () => {
    const page = adminPage;
    await page.goto(`${stack.url}/labs`);
    await page.getByRole('heading', { name: '承检机构名录', level: 1 }).waitFor();
    const textileRow = page.locator('tr', { hasText: `纺织品检测研究院 ${tag}` }).first();
    const summary = textileRow.getByTestId('contract-summary');
    await summary.getByText(`HZSJ-WT-${tag}-silk-quilt`).waitFor();
    await summary.getByText('30 天内到期').waitFor();
    const dispatch = page.getByTestId('dispatches').locator('tr', { hasText: batchNumber });
    expect(await dispatch.innerText()).toContain(`适用合同: HZSJ-WT-${tag}-silk-quilt · 10 个工作日`);

    // A supplementary agreement: the period becomes 8 working days, version 1 kept.
    await textileRow.getByRole('button', { name: '委托检验合同' }).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByRole('button', { name: '变更' }).click();
    const modal = page.locator('.ant-modal-content');
    await modal.getByLabel('检验周期（工作日）', { exact: true }).fill('8');
    await modal.getByLabel('变更原因（补充协议）').fill('补充协议一：检验周期调整为 8 个工作日');
    await modal.getByRole('button', { name: '保存' }).click();
    const history = drawer.getByTestId('contract-history');
    await history.getByText('历史版本 (1)').waitFor();
    await history.locator('summary').click();
    expect(await history.innerText()).toContain('1 · 签订登记');
    expect(await drawer.getByTestId('contracts').innerText()).toMatch(/2 · 变更 · 补充协议一/);
    await screenshot(page, 'lab-contract-amended-zh-CN-desktop');
    await page.keyboard.press('Escape');

    // A lab with no contract is flagged; its contract is recorded, then ended.
    const bare = await registerLab(`计量检测中心 ${tag}`, 'down-quilt', '2030-12-31', null);
    await page.goto(`${stack.url}/labs?contracts=${bare}`);
    const bareDrawer = page.locator('.ant-drawer-content');
    await bareDrawer.getByText('无合同，不参与派样').first().waitFor();
    await bareDrawer.getByRole('button', { name: '登记合同' }).click();
    const form = page.locator('.ant-modal-content');
    await form.getByLabel('合同编号').fill(`HZSJ-WT-${tag}-NEW`);
    await form.getByLabel('生效日期').fill('2026-01-01');
    await form.getByLabel('届满日期').fill('2027-12-31');
    await form.getByLabel(/单价/).fill('1200');
    await form.getByRole('button', { name: '保存' }).click();
    await bareDrawer.getByText(`合同编号 HZSJ-WT-${tag}-NEW`).waitFor();
    expect(await bareDrawer.innerText()).toContain('¥1200.00');
    await bareDrawer.getByRole('button', { name: '终止' }).click();
    await form.getByLabel('终止日期（最后有效日）').fill(shanghaiDate(0));
    await form.getByLabel('终止原因').fill('双方协商解除合同');
    await form.getByRole('button', { name: '保存' }).click();
    await bareDrawer.getByText('历史版本 (1)').waitFor();
    expect(await bareDrawer.getByRole('button', { name: '终止' }).count()).toBe(0);
  });

  it('captures every lab page in Chinese and English, desktop and phone, with no serious axe violation', async () => {
    const labPages = [
      { path: '/lab/assignments', name: 'lab-assignments' },
      { path: `/lab/assignments/${assignmentId}`, name: 'lab-assignment' },
    ];
    const adminPages = [
      { path: '/labs', name: 'lab-registry' },
      { path: `/labs?contracts=${textileId}`, name: 'lab-contracts' },
    ];
    const otherPages = [{ path: `/lab/assignments/${assignmentId}`, name: 'lab-other-not-found' }];
    for (const device of ['desktop', 'phone'] as const) {
      await captureAs(browser, withLabUsers(), 'lab-textile', device, labPages);
      await captureAs(browser, withLabUsers(), 'lab-other', device, otherPages);
      await captureAs(browser, stack, 'admin-a', device, adminPages);
    }
    const ours = Object.entries(violations);
    expect(ours).toHaveLength((labPages.length + adminPages.length + otherPages.length) * 4);
    expect(Object.fromEntries(ours.filter(([, v]) => v.length > 0))).toEqual({});
  });
});

/** Fills the report form: a value per mandatory test item, the signatory, and the signed PDF. */
async function fillReport(page: Page, reportNumber: string, pdfName: string): Promise<void> {
  await page.getByLabel('报告编号').fill(reportNumber);
  const results: Array<[string, string, string, string]> = [
    ['蚕丝含量', '≥ 100.0', '100.0', '%'],
    ['质量偏差率', '≥ -5.0', '-1.2', '%'],
    ['纤维含量', '符合标识', '符合', ''],
  ];
  for (const [item, requirement, value, unit] of results) {
    await page.getByLabel(`${item} 标准要求`).fill(requirement);
    await page.getByLabel(`${item} 实测值`).fill(value);
    if (unit) await page.getByLabel(`${item} 单位`).fill(unit);
  }
  await page.getByLabel('批准人（授权签字人）').fill('王工');
  await page.getByLabel('职务').fill('授权签字人');
  await page.locator('input[type=file]').setInputFiles(pdfFile(pdfName));
  await page.getByTestId('pdf-uploaded').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('pdf-uploaded').innerText()).toMatch(/[0-9a-f]{64}/);
  // The uploaded file previewed in the page by pdf.js: what the store now holds.
  expect((await shownPdf(page, 'report-pdf', `Test report ${pdfName}`)).inked).toBeGreaterThan(0);
}
