import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BatchIssued, type BatchIssuedValue } from '@qis/contracts';
import { expectEventually, sendEvents, TestIssuer } from '@qis/testing';
import { kafkaConnection } from '@qis/messaging';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chooseOption, launchBrowser, newContext, signIn } from './browser';
import { captureAs, violations } from './capture';
import { startConsoleStack, type ConsoleStack } from './console-harness';

jest.setTimeout(900_000);

const MIB = 1024 * 1024;
const hex = (n: number) => randomBytes(n).toString('hex');
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** The bearer token the console sends to the services, and the Keycloak subject in it. */
function tokenOf(page: Page): { token: () => string; sub: () => string } {
  let token = '';
  page.on('request', (r) => {
    const auth = r.headers()['authorization'];
    if (r.url().includes('/api/') && auth?.startsWith('Bearer ')) token = auth.slice(7);
  });
  const current = () => {
    if (!token) throw new Error('the console has not called an API yet');
    return token;
  };
  return {
    token: current,
    sub: () =>
      (JSON.parse(Buffer.from(current().split('.')[1]!, 'base64url').toString('utf8')) as { sub: string })
        .sub,
  };
}

/** A file of random bytes written slice by slice (never whole in memory), and its SHA-256. */
async function randomFile(
  dir: string,
  name: string,
  size: number,
): Promise<{ file: string; sha256: string }> {
  const file = path.join(dir, name);
  const fd = openSync(file, 'w');
  for (let written = 0; written < size; written += MIB)
    writeSync(fd, randomBytes(Math.min(MIB, size - written)));
  closeSync(fd);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { file, sha256: hash.digest('hex') };
}

/** A small image-named file (the evidence store keeps bytes; the type comes from the name). */
function smallFile(dir: string, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.concat([Buffer.from(`${name} `), randomBytes(2048)]));
  return file;
}

/** A batch as planning issues it, on the buyer's platform, with its own natural-person seller. */
function issuedBatch(platform: string, overrides: Partial<BatchIssuedValue> = {}): BatchIssuedValue {
  return {
    batchNumber: `HZ2026-${digits(6)}`,
    planId: randomUUID(),
    planKind: 'routine',
    category: 'silk-quilt',
    platform,
    listing: {
      platformListingId: digits(10),
      url: `https://item.taobao.com/item.htm?id=${digits(10)}`,
      title: `100%桑蚕丝被 限时秒杀 ${hex(2)}`,
    },
    seller: {
      name: '王某某',
      entityType: 'natural-person',
      shopName: `某某家纺小店${hex(2)}`,
      shopUrl: `https://shop${digits(9)}.taobao.com`,
    },
    quantity: { testUnits: 1, backupUnits: 1 },
    unitPriceCapFen: 150000,
    testStandards: ['GB/T 24252-2019'],
    purchaseDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    issuedAt: new Date().toISOString(),
    ...overrides,
  } as BatchIssuedValue;
}

/**
 * The mystery buyer's pages in a real browser signed in on Keycloak: two buyers registered in
 * purchasing under their Keycloak subjects, batches issued to them over Kafka. Buyer A enters the
 * purchase record in the guided form, uploads the evidence package from the browser (a recording of
 * more than 100 MB in presigned parts, one part dropped once and resent alone), cannot complete
 * while the payment proof is missing, completes above the price cap (the approval request shows),
 * and records the shipment once approved. Buyer B cannot open A's task; B refuses a task.
 */
describe('the staff console, part 2: the mystery buyer', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  let producer: Producer;
  const contexts: BrowserContext[] = [];
  const pages: Record<string, Page> = {};
  const tokens: Record<string, ReturnType<typeof tokenOf>> = {};
  const files = mkdtempSync(path.join(tmpdir(), 'qis-buyer-e2e-'));
  const platformA = `pa${hex(3)}`;
  const platformB = `pb${hex(3)}`;
  const soon = issuedBatch(platformA, { purchaseDueAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
  const later = issuedBatch(platformA, {
    purchaseDueAt: new Date(Date.now() + 9 * 86_400_000).toISOString(),
  });
  const other = issuedBatch(platformB);
  const accountA = `tb_${hex(4)}`;
  const addressLines: string[] = [];

  const service = async (
    name: 'purchasing' | 'evidence',
    method: string,
    route: string,
    claims: { roles: string[]; sub?: string } | string,
    body?: unknown,
  ) => {
    const authorization =
      typeof claims === 'string' ? `Bearer ${claims}` : `Bearer ${await TestIssuer.shared().sign(claims)}`;
    const res = await fetch(`${stack.services.url[name]}${route}`, {
      method,
      headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, text, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
  };
  const admin = { roles: ['purchasing-admin'], sub: 'e2e-purchasing-admin' };

  /** Registered (userId = the Keycloak subject), qualified, active, with an account on `platform`. */
  const registerBuyer = async (sub: string, platform: string, accountName: string) => {
    const reg = await service('purchasing', 'POST', '/buyers', admin, {
      userId: sub,
      realName: `测试${hex(3)}`,
      idNumber: `330106199${digits(8)}X`,
      phone: `139${digits(8)}`,
    });
    expect(reg.status).toBe(201);
    const id = reg.body['id'] as string;
    const q = await service('purchasing', 'PUT', `/buyers/${id}/qualification`, admin, {
      commitmentSignedOn: '2026-01-05',
      commitmentEvidenceId: randomUUID(),
      trainingCompletedOn: '2026-01-06',
    });
    expect(q.status).toBe(200);
    const account = await service('purchasing', 'POST', `/buyers/${id}/accounts`, admin, {
      platform,
      accountName,
      alias: `A-${hex(2)}`,
    });
    expect(account.status).toBe(201);
  };

  const assignedTo = (batch: BatchIssuedValue) =>
    expectEventually(async () => {
      const task = await service('purchasing', 'GET', `/tasks/${batch.batchNumber}`, admin);
      expect(task.body?.['status']).toBe('assigned');
    });

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    producer = new Kafka({
      clientId: 'console-e2e-buyer',
      ...kafkaConnection(),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    for (const name of ['buyer-a', 'buyer-b']) {
      const context = await newContext(browser);
      contexts.push(context);
      const page = await context.newPage();
      tokens[name] = tokenOf(page);
      await signIn(page, stack.url, stack.user(name));
      await page.getByTestId('queue-buyer-tasks').waitFor();
      pages[name] = page;
    }
    await registerBuyer(tokens['buyer-a']!.sub(), platformA, accountA);
    await registerBuyer(tokens['buyer-b']!.sub(), platformB, `tb_${hex(4)}`);
    for (let i = 0; i < 3; i++) {
      const line = `浙江省杭州市余杭区文一西路${100 + i}号${hex(2)}`;
      addressLines.push(line);
      const res = await service('purchasing', 'POST', '/addresses', admin, {
        label: `addr-${hex(3)}`,
        areaCode: '330110',
        relay: false,
        recipientName: `收件人${hex(2)}`,
        phone: `137${digits(8)}`,
        addressLine: line,
      });
      expect(res.status).toBe(201);
    }
    await sendEvents(
      producer,
      BatchIssued,
      [soon, later, other].map((b) => ({ key: b.batchNumber, value: b })),
      'planning',
    );
    await Promise.all([soon, later, other].map(assignedTo));
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await producer?.disconnect();
    await browser?.close();
    await stack?.stop();
  });

  it("lists the buyer's own tasks on the home page and in my tasks, the nearest deadline first", async () => {
    const page = pages['buyer-a']!;
    await page.reload();
    const queue = page.getByTestId('queue-buyer-tasks');
    await queue.getByText(later.batchNumber).waitFor();
    const text = await queue.innerText();
    expect(text.indexOf(soon.batchNumber)).toBeLessThan(text.indexOf(later.batchNumber));
    expect(text).not.toContain(other.batchNumber);
    await page.goto(`${stack.url}/buyer/tasks`);
    const rows = page.getByTestId('buyer-tasks').locator('tbody tr.ant-table-row');
    await rows.filter({ hasText: later.batchNumber }).waitFor();
    expect(await rows.first().innerText()).toContain(soon.batchNumber);
  });

  it('completes a purchase with every evidence file uploaded from the browser, above the cap after approval', async () => {
    const page = pages['buyer-a']!;
    await page.goto(`${stack.url}/buyer/tasks/${soon.batchNumber}`);
    await page.getByTestId('price-cap').getByText('1500.00').waitFor();
    // The account and address assigned, decrypted for this buyer.
    const delivery = page.getByTestId('delivery');
    await delivery.getByText(accountA).waitFor();
    const shown = await delivery.innerText();
    expect(addressLines.filter((line) => shown.includes(line))).toHaveLength(1);

    // The guided purchase record: seller, product, order, platform.
    const form = page.getByTestId('purchase-form');
    await form.getByLabel('经营者名称（营业执照或自然人姓名）').fill('王某某');
    await chooseOption(page, form.getByLabel('主体类型'), '自然人');
    await form.getByRole('button', { name: '下一步' }).click();
    await form.getByLabel('月销量').fill('1523');
    await form.getByLabel('库存量').fill('880');
    await form.getByRole('button', { name: '下一步' }).click();
    const orderNumber = digits(19);
    await form.getByLabel('订单编号').fill(orderNumber);
    await form.getByLabel('单价（元）').fill('1600');
    await form.getByLabel('实付总额（元）').fill('3200');
    await form.getByLabel('交易过程（每行一步）').fill('打开商品链接并录屏\n咨询客服\n下单 2 件\n支付');
    await form.getByRole('button', { name: '下一步' }).click();
    await form.getByLabel('平台名称').fill('淘宝');
    await form.getByLabel('平台网址').fill('https://www.taobao.com');
    await form.getByLabel('平台经营者', { exact: true }).fill('浙江淘宝网络有限公司');
    await form.getByRole('button', { name: '保存买样记录' }).click();
    await page.getByText('买样记录已保存').waitFor();
    // The platform by its name (as recorded), not its code.
    expect(await page.getByTestId('task-platform').innerText()).toBe('淘宝');

    // Nothing uploaded yet: completion disabled, every item listed.
    const completion = page.getByTestId('completion');
    const missing = completion.getByTestId('missing-items');
    await missing.getByText('付款凭证').waitFor();
    for (const item of ['购买全过程录屏', '订单截图', '聊天截图', '商品页面快照', '商品宣称照片'])
      expect(await missing.innerText()).toContain(item);
    expect(await completion.getByRole('button', { name: '完成买样' }).isDisabled()).toBe(true);
    await completion.getByTestId('over-cap').waitFor();

    // The recording: > 100 MB, in presigned parts, each declared (size, SHA-256) as it is read and
    // PUT with its signed checksum. Part 3 is dropped once (the network) and resent by itself; part
    // 7's URL is refused once (expired): the part is declared again for a fresh URL and it goes on.
    const recording = await randomFile(files, 'purchase-recording.mp4', 101 * MIB + 12345);
    const attempts = new Map<string, number>();
    const declarations = new Map<string, number>();
    const checksums = new Map<string, string>();
    let renewals = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/renewal')) renewals++;
      if (r.method() === 'POST' && r.url().endsWith('/parts'))
        for (const p of (r.postDataJSON() as { parts: Array<{ partNumber: number; sha256: string }> })
          .parts) {
          declarations.set(String(p.partNumber), (declarations.get(String(p.partNumber)) ?? 0) + 1);
          checksums.set(String(p.partNumber), p.sha256);
        }
    });
    const sentChecksums = new Map<string, string | undefined>();
    await page.route(/\/object-store\/.*partNumber=\d+/, async (route) => {
      const part = new URL(route.request().url()).searchParams.get('partNumber') as string;
      const attempt = (attempts.get(part) ?? 0) + 1;
      attempts.set(part, attempt);
      sentChecksums.set(part, route.request().headers()['x-amz-checksum-sha256']);
      if (part === '3' && attempt === 1) await route.abort('connectionreset');
      else if (part === '7' && attempt === 1)
        await route.fulfill({ status: 403, body: '<Error><Code>AccessDenied</Code></Error>' });
      else await route.continue();
    });
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector(
          '[data-testid="evidence-purchase-screen-recording"] [data-testid="upload-row"] [role="progressbar"]',
        );
        const row = bar?.closest('[data-testid="upload-row"]');
        if (bar && row) seen.push(`${row.getAttribute('data-phase')}:${bar.getAttribute('aria-valuenow')}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const input = (kind: string) => page.getByTestId(`evidence-${kind}`).locator('input[type="file"]');
    await input('purchase-screen-recording').setInputFiles(recording.file);
    const recordingRow = page.getByTestId('evidence-purchase-screen-recording').getByTestId('upload-row');
    await recordingRow.and(page.locator('[data-phase="done"]')).waitFor({ timeout: 300_000 });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    const uploading = seen.filter((s) => s.startsWith('uploading:')).map((s) => Number(s.split(':')[1]));
    expect(new Set(uploading.filter((p) => p > 0 && p < 100)).size).toBeGreaterThan(5);
    expect(uploading[0]).toBeLessThan(uploading[uploading.length - 1]!);
    // 21 parts of 5 MiB; each sent once but the dropped and the refused one, sent twice.
    expect(attempts.size).toBe(21);
    expect([...attempts.entries()].filter(([, n]) => n !== 1)).toEqual([
      ['3', 2],
      ['7', 2],
    ]);
    expect([...declarations.entries()].filter(([, n]) => n !== 1)).toEqual([['7', 2]]);
    expect(declarations.size).toBe(21);
    expect(renewals).toBe(0);
    // Each part went with the SHA-256 the console computed while reading it: the store checked it.
    const bytes = await readFile(recording.file);
    for (const [part, sent] of sentChecksums) {
      const n = Number(part);
      const slice = bytes.subarray((n - 1) * 5 * MIB, n * 5 * MIB);
      expect([part, sent]).toEqual([part, createHash('sha256').update(slice).digest('base64')]);
      expect(checksums.get(part)).toBe(sent);
    }
    await page.unroute(/\/object-store\/.*partNumber=\d+/);

    await input('order-screenshot').setInputFiles(smallFile(files, 'order.png'));
    await input('chat-screenshot').setInputFiles([
      smallFile(files, 'chat-1.png'),
      smallFile(files, 'chat-2.png'),
    ]);
    await input('listing-snapshot').setInputFiles(smallFile(files, 'listing.png'));
    await input('product-claim-photo').setInputFiles(smallFile(files, 'claim.jpg'));
    // Saved into the package as they are stored; only the payment proof is missing now. Both chat
    // screenshots are in the package before the completion is asked for: the first one alone takes
    // chat off the missing list, and a completion asked while the second is still being saved is
    // refused as a changed package (409), not for the missing proof.
    await expectEventually(async () => {
      const text = await missing.innerText();
      expect(text).toContain('付款凭证');
      expect(text).not.toContain('商品宣称照片');
      expect(text).not.toContain('聊天截图');
      expect(text).not.toContain('购买全过程录屏');
      expect(await page.getByTestId('evidence-chat-screenshot').locator('h3').innerText()).toContain('(2)');
    });
    expect(await completion.getByRole('button', { name: '完成买样' }).isDisabled()).toBe(true);
    const refused = await service(
      'purchasing',
      'POST',
      `/tasks/${soon.batchNumber}/completion`,
      tokens['buyer-a']!.token(),
    );
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('evidence.payment-proof');

    await input('payment-proof').setInputFiles(smallFile(files, 'payment.png'));
    await missing.waitFor({ state: 'detached' });
    // The service hashed the stored recording: the same SHA-256 as the file on disk.
    const task = await service('purchasing', 'GET', `/tasks/${soon.batchNumber}`, tokens['buyer-a']!.token());
    const items = task.body['evidence'] as Array<{ kind: string; objectId: string }>;
    expect(items.map((i) => i.kind).sort()).toEqual(
      [
        'chat-screenshot',
        'chat-screenshot',
        'listing-snapshot',
        'order-screenshot',
        'payment-proof',
        'product-claim-photo',
        'purchase-screen-recording',
      ].sort(),
    );
    const recorded = items.find((i) => i.kind === 'purchase-screen-recording')!;
    const stored = await service(
      'evidence',
      'GET',
      `/evidence/objects/${recorded.objectId}`,
      tokens['buyer-a']!.token(),
    );
    expect(stored.body).toMatchObject({
      status: 'stored',
      sha256: recording.sha256,
      size: 101 * MIB + 12345,
    });

    await completion.getByRole('button', { name: '完成买样' }).click();
    await page.getByTestId('price-approval').getByText('价格审批申请已提交', { exact: false }).waitFor();
    const approved = await service(
      'purchasing',
      'POST',
      `/tasks/${soon.batchNumber}/price-approval`,
      {
        roles: ['approver'],
        sub: 'e2e-approver',
      },
      { note: '该商品市场价普遍高于上限' },
    );
    expect(approved.status).toBe(200);

    await page.reload();
    const shipment = page.getByTestId('shipment');
    await shipment.getByLabel('快递公司').fill('圆通速递');
    await shipment.getByLabel('快递单号').fill(`YT${digits(13)}`);
    await shipment.getByRole('button', { name: '保存发货信息' }).click();
    await page.getByText('发货信息已保存').waitFor();
    await shipment.getByText('圆通速递').waitFor();
  });

  it("shows another buyer's task as not found, and the API gives nothing of it", async () => {
    const page = pages['buyer-b']!;
    await page.goto(`${stack.url}/buyer/tasks/${later.batchNumber}`);
    await page.getByRole('heading', { name: '页面不存在', level: 1 }).waitFor();
    expect(await page.getByRole('main').first().innerText()).not.toContain(later.listing.title);
    const token = tokens['buyer-b']!.token();
    for (const route of [`/tasks/${later.batchNumber}`, `/tasks/${later.batchNumber}/delivery`]) {
      const res = await service('purchasing', 'GET', route, token);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain(later.listing.title);
      expect(res.text).not.toContain(accountA);
      expect(res.text).not.toContain(later.seller.shopUrl);
    }
    const list = await service('purchasing', 'GET', '/tasks', token);
    expect(list.text).not.toContain(later.batchNumber);
  });

  it('resumes an upload after the page is reloaded: the parts the store holds are not sent again', async () => {
    const page = pages['buyer-a']!;
    await page.goto(`${stack.url}/buyer/tasks/${later.batchNumber}`);
    const recording = await randomFile(files, 'later-recording.mp4', 40 * MIB + 999); // 9 parts
    const before: string[] = [];
    const after: string[] = [];
    let reloaded = false;
    const finalized: Array<Record<string, unknown>> = [];
    // Finalize answers 202 at once; the uploader polls the status until the job stored it.
    page.on('response', (r) => {
      if (r.url().endsWith('/finalize') || r.url().endsWith('/status'))
        void r.json().then((b: Record<string, unknown>) => finalized.push(b));
    });
    const parts = /\/object-store\/.*partNumber=\d+/;
    await page.route(parts, async (route) => {
      const part = new URL(route.request().url()).searchParams.get('partNumber') as string;
      (reloaded ? after : before).push(part);
      // The network goes down at part 5, until the buyer reloads the page.
      if (part === '5' && !reloaded) await route.abort('internetdisconnected');
      else await route.continue();
    });
    const section = page.getByTestId('evidence-purchase-screen-recording');
    await section.locator('input[type="file"]').setInputFiles(recording.file);
    // Each part is read, hashed and declared before its PUT: on a loaded machine part 5 takes a while.
    await expectEventually(async () => expect(before).toContain('5'), { timeoutMs: 90_000 });
    await page.reload();
    reloaded = true;
    await section.locator('input[type="file"]').setInputFiles(recording.file);
    await section.getByTestId('resumed').waitFor();
    await section
      .getByTestId('upload-row')
      .and(page.locator('[data-phase="done"]'))
      .waitFor({ timeout: 120_000 });
    await page.unroute(parts);
    expect(before.filter((p) => p !== '5')).toEqual(['1', '2', '3', '4']);
    expect([...after].sort()).toEqual(['5', '6', '7', '8', '9']);
    await expectEventually(async () =>
      expect(finalized.filter((b) => b['state'] !== 'verifying')).toEqual([
        expect.objectContaining({
          state: 'stored',
          object: expect.objectContaining({ status: 'stored', sha256: recording.sha256 }),
        }),
      ]),
    );
  });

  it("refuses a task with a reason; it leaves the buyer's list", async () => {
    const page = pages['buyer-b']!;
    await page.goto(`${stack.url}/buyer/tasks/${other.batchNumber}`);
    await page.getByRole('button', { name: '拒绝任务' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('拒绝原因（记入审计日志）').fill('该店铺曾向本人账号发货，可能已识别');
    await dialog.getByRole('button', { name: '拒绝任务' }).click();
    await page.getByText('任务已拒绝', { exact: false }).waitFor();
    await page.waitForURL((u) => u.pathname === '/buyer/tasks');
    const task = await service('purchasing', 'GET', `/tasks/${other.batchNumber}`, admin);
    expect(task.body['status']).not.toBe('assigned');
  });

  it('captures the buyer pages in Chinese and English, desktop and phone, with no serious axe violation', async () => {
    const buyerPages = [
      { path: '/', name: 'buyer-home' },
      { path: '/buyer/tasks', name: 'buyer-tasks' },
      { path: `/buyer/tasks/${later.batchNumber}`, name: 'buyer-task-open' },
      { path: `/buyer/tasks/${soon.batchNumber}`, name: 'buyer-task-shipped' },
    ];
    const otherPages = [{ path: `/buyer/tasks/${later.batchNumber}`, name: 'buyer-other-not-found' }];
    for (const device of ['desktop', 'phone'] as const) {
      await captureAs(browser, stack, 'buyer-a', device, buyerPages);
      await captureAs(browser, stack, 'buyer-b', device, otherPages);
    }
    const ours = Object.entries(violations);
    expect(ours).toHaveLength((buyerPages.length + otherPages.length) * 4);
    expect(Object.fromEntries(ours.filter(([, v]) => v.length > 0))).toEqual({});
  });
});
