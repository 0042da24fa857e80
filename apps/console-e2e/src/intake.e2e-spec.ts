import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OrderPlaced, type OrderPlacedValue } from '@qis/contracts';
import { expectEventually, TestIssuer } from '@qis/testing';
import { kafkaConnection } from '@qis/messaging';
import { Kafka, logLevel } from 'kafkajs';
import type { Browser, Locator, Page } from 'playwright-core';
import { chooseOption, launchBrowser, newContext, screenshot, signIn } from './browser';
import { captureAs, violations } from './capture';
import { startConsoleStack, type ConsoleStack } from './console-harness';
import { shownPdf } from './pdf-viewer';

jest.setTimeout(900_000);

/** An order as purchasing announces it on Kafka (order-placed, with the outbox's headers). */
async function announceOrder(value: OrderPlacedValue): Promise<void> {
  const kafka = new Kafka({
    clientId: 'console-e2e-intake',
    ...kafkaConnection(),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({
      topic: `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}${OrderPlaced.topic}`,
      acks: -1,
      messages: [
        {
          key: value.batchNumber,
          value: JSON.stringify(value),
          headers: {
            'message-id': randomUUID(),
            type: OrderPlaced.type,
            version: String(OrderPlaced.version),
            'occurred-at': new Date().toISOString(),
            'correlation-id': value.batchNumber,
            producer: 'purchasing',
          },
        },
      ],
    });
  } finally {
    await producer.disconnect();
  }
}

const order = (batchNumber: string, trackingNumber: string): OrderPlacedValue => ({
  batchNumber,
  orderNumber: `3958${batchNumber.slice(-6)}${randomBytes(2).toString('hex')}`,
  orderedAt: new Date(Date.now() - 86_400_000).toISOString(),
  platform: {
    code: 'taobao',
    name: '淘宝',
    url: 'https://www.taobao.com',
    operatorName: '浙江天猫网络有限公司',
  },
  listing: {
    platformListingId: '6618203344',
    url: 'https://item.taobao.com/item.htm?id=6618203344',
    title: '100%桑蚕丝被 春秋被',
  },
  seller: {
    name: '杭州丝之源家纺有限公司',
    entityType: 'natural-person',
    shopName: '丝之源旗舰店',
    shopUrl: 'https://sizhiyuan.taobao.com',
  },
  quantity: { testUnits: 1, backupUnits: 1 },
  unitPriceFen: 59900,
  shippingFeeFen: 0,
  totalPaidFen: 119800,
  carrier: '中通快递',
  trackingNumber,
  shippedAt: new Date().toISOString(),
  evidencePackageId: randomUUID(),
});

/** A file of its own bytes under a temporary directory. */
function fileOf(name: string, bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'qis-intake-')), name);
  writeFileSync(file, bytes);
  return file;
}

/** A 1×1 PNG (a real image header) with random trailing bytes, so each photo is new evidence. */
const png = () =>
  Buffer.concat([
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
    randomBytes(64),
  ]);

/** Ticks or clears a checkbox, again if a re-render swallowed the click. */
async function setChecked(box: Locator, checked: boolean): Promise<void> {
  await expectEventually(async () => {
    if ((await box.isChecked()) !== checked) await box.click();
    expect(await box.isChecked()).toBe(checked);
  });
}

const pdfText = (file: string): string => execFileSync('pdftotext', [file, '-']).toString();

/**
 * The intake room in a real browser signed in on Keycloak: an officer scans tracking numbers at the
 * desk (typed + Enter, as a USB scanner does), a wrong one goes to quarantine and is released or
 * rejected with a reason, the parcel is unpacked with its witnesses, video and photos, sealed 2 + 2
 * (2 + 1 refused with the reason shown), the labels print (pdftotext finds the sample code), the test
 * sample goes to the lab and the backup is re-sealed for re-inspection; the batch timeline shows it.
 */
describe('the staff console, part 2: the intake room', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  const base = Math.floor(Math.random() * 800_000) + 100_000;
  const batch = `HZ2026-${String(base)}`;
  const relayed = `HZ2026-${String(base + 1)}`;
  /** Shipped and never received in this test: the home queue's expected parcel. */
  const waiting = `HZ2026-${String(base + 2)}`;
  /** Scanned, matched nothing, left in quarantine: the home queue's quarantined parcel. */
  const loose = `8888${randomBytes(5).toString('hex').toUpperCase()}`;
  const tracking = `7831${randomBytes(5).toString('hex').toUpperCase()}`;
  const relayedTracking = `7832${randomBytes(5).toString('hex').toUpperCase()}`;
  const stray = `9999${randomBytes(5).toString('hex').toUpperCase()}`;
  const sampleCode = `${batch}-S`;
  /** As the officer typed it, with a space: matched all the same, recorded as typed. */
  const typed = `${tracking.slice(0, 4)} ${tracking.slice(4)}`;
  let sessionPath = '';
  let relayedUnpackPath = '';

  const evidenceApi = async (
    method: string,
    route: string,
    headers: Record<string, string>,
    body?: unknown,
  ) => {
    const res = await fetch(`${stack.services.url.evidence}${route}`, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
  };

  /** The buyer's purchase evidence of the batch, uploaded with a buyer's token: it makes the buyer known. */
  async function buyerUploads(batchNumber: string): Promise<void> {
    const buyer = await TestIssuer.shared().headers({ roles: ['buyer'], sub: `buyer-${batchNumber}` });
    const data = randomBytes(4096);
    const start = await evidenceApi('POST', '/evidence/uploads', buyer, {
      kind: 'purchase-screen-recording',
      batchNumber,
      contentType: 'video/mp4',
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    });
    expect(start.status).toBe(201);
    const put = await fetch(String(start.body['url']), {
      method: 'PUT',
      headers: start.body['headers'] as Record<string, string>,
      body: Uint8Array.from(data),
    });
    expect(put.status).toBe(200);
    const done = await evidenceApi(
      'POST',
      `/evidence/uploads/${String(start.body['objectId'])}/finalize`,
      buyer,
      {},
    );
    expect(done.status).toBe(200);
  }

  /** The tracking-number field, as the scanner finds it: focused, typed into, Enter. */
  /** Scans a number and waits until the desk lists it among the parcels received lately. */
  async function scan(page: Page, trackingNumber: string): Promise<void> {
    const field = page.getByLabel('快递单号');
    await field.focus();
    await page.keyboard.type(trackingNumber, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByTestId('recent-parcels').locator('tr', { hasText: trackingNumber }).waitFor();
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    await announceOrder(order(batch, tracking));
    await announceOrder(order(relayed, relayedTracking));
    await announceOrder(order(waiting, `7833${randomBytes(5).toString('hex').toUpperCase()}`));
    const officer = await TestIssuer.shared().headers({ roles: ['intake-officer'] });
    await expectEventually(async () => {
      const res = await evidenceApi('GET', '/intake/expected-parcels?pageSize=100', officer);
      const batches = (res.body['items'] as Array<{ batchNumber: string }>).map((i) => i.batchNumber);
      expect(batches).toEqual(expect.arrayContaining([batch, relayed, waiting]));
    });
    await buyerUploads(batch);
    await buyerUploads(relayed);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('receives a scanned tracking number (the field has the focus, Enter submits); a wrong one goes to quarantine', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('intake-a'), '/intake/parcels');
    await page.getByRole('heading', { name: '收样登记', level: 1 }).waitFor();
    await page.getByTestId('expected-parcels').getByText(batch).waitFor();
    // The scanner needs no click: the field has the focus when the page opens.
    await expectEventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('tracking-number'),
    );
    await page.keyboard.type(typed, { delay: 5 });
    await page.keyboard.press('Enter');
    const result = page.getByTestId('scan-result');
    await result.getByText(`已入库：批次 ${batch}`).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tracking-number');
    await screenshot(page, 'intake-admitted-zh-CN-desktop');

    await scan(page, stray);
    await result.getByText('已隔离：单号与订单不符').waitFor();
    expect(await result.innerText()).toContain('no order-placed record');
    await scan(page, loose);
    await result.getByText('已隔离：单号与订单不符').waitFor();
    await scan(page, `${relayedTracking}0`);
    await result.getByText('已隔离：单号与订单不符').waitFor();
    await screenshot(page, 'intake-quarantined-zh-CN-desktop');
    const recent = page.getByTestId('recent-parcels');
    await recent.locator('tr', { hasText: stray }).getByText('隔离中').waitFor();
    await recent.locator('tr', { hasText: typed }).getByText('已入库').waitFor();
    await expectEventually(async () =>
      expect(await page.getByTestId('expected-parcels').getByText(batch).count()).toBe(0),
    );
    await context.close();
  });

  it('keeps the next number typed while the last scan is still being stored', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('intake-a'), '/intake/parcels');
    await page.getByRole('heading', { name: '收样登记', level: 1 }).waitFor();
    // The first scan's answer is held until the next number has been typed.
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    await page.route('**/api/evidence/intake/parcels', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    const first = `7834${randomBytes(5).toString('hex').toUpperCase()}`;
    const next = `7835${randomBytes(5).toString('hex').toUpperCase()}`;
    const field = page.getByLabel('快递单号');
    await field.focus();
    await page.keyboard.type(first, { delay: 5 });
    await page.keyboard.press('Enter');
    await expectEventually(async () => expect(await field.inputValue()).toBe(''));
    await page.keyboard.type(next, { delay: 5 });
    answer();
    await page.getByTestId('recent-parcels').locator('tr', { hasText: first }).waitFor();
    expect(await field.inputValue()).toBe(next);
    await context.close();
  });

  it("keeps a quarantined parcel's buttons on a 390 px phone screen, its other fields in the row's expansion", async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('intake-b'), '/intake/quarantine');
    const row = page.getByTestId('quarantined-parcels').locator('tr', { hasText: stray });
    const buttons = [row.getByRole('button', { name: '放行' }), row.getByRole('button', { name: '退回' })];
    for (const button of buttons) {
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The reason is folded into the row's expansion, with its label.
    await row.getByRole('button', { name: '展开行' }).click();
    await page.getByTestId('row-more').getByText('隔离原因').waitFor();
    await context.close();
  });

  it('fits the parcel intake page to a 390 px phone in English: no field, table or heading runs past its card', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('intake-a'), '/');
    await page.evaluate(() => localStorage.setItem('qis.console.language', 'en'));
    await page.goto(`${stack.url}/intake/parcels`);
    await page.getByTestId('recent-parcels').getByRole('link', { name: 'Start unpacking' }).first().waitFor();
    const overflows = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main .ant-card')).flatMap((card) => {
        const edge = card.getBoundingClientRect().right;
        const heading = card.querySelector('.ant-card-head h2') as HTMLElement | null;
        const cut =
          heading && heading.scrollWidth > heading.clientWidth
            ? [`heading "${heading.textContent}" cut`]
            : [];
        const past = Array.from(card.querySelectorAll('input, button, table, a'))
          .filter((e) => e.getBoundingClientRect().right > edge + 0.5)
          .map(
            (e) =>
              `${e.tagName.toLowerCase()} "${(e.textContent || (e as HTMLInputElement).id).trim()}" past the card`,
          );
        return [...cut, ...past];
      }),
    );
    expect(overflows).toEqual([]);
    await context.close();
  });

  it('releases a quarantined parcel into its batch and rejects another, each with the reason', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('intake-b'), '/intake/quarantine');
    await page.getByRole('heading', { name: '隔离包裹', level: 1 }).waitFor();
    const table = page.getByTestId('quarantined-parcels');
    // Released without naming the batch: the service's reason is shown.
    await table
      .locator('tr', { hasText: `${relayedTracking}0` })
      .getByRole('button', { name: '放行' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('理由').fill('转运更换面单，核对订单号、商品一致');
    await dialog.getByRole('button', { name: '放行' }).click();
    await dialog.getByText(/batchNumber: is required/).waitFor();
    await dialog.getByLabel('归属批次号').fill(relayed);
    await dialog.getByRole('button', { name: '放行' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await table.locator('tr', { hasText: stray }).getByRole('button', { name: '退回' }).click();
    await dialog.getByLabel('理由').fill('非本局买样包裹，退回承运人');
    await dialog.getByRole('button', { name: '退回' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const resolved = page.getByTestId('resolved-parcels');
    await resolved.locator('tr', { hasText: stray }).getByText('非本局买样包裹，退回承运人').waitFor();
    const released = resolved.locator('tr', { hasText: `${relayedTracking}0` });
    await released.getByText(relayed).waitFor();
    expect(await released.innerText()).toContain('已入库');
    expect(await table.locator('tr', { hasText: stray }).count()).toBe(0);
    await screenshot(page, 'intake-quarantine-resolved-zh-CN-desktop');
    const officer = await TestIssuer.shared().headers({ roles: ['intake-officer'] });
    const parcels = await evidenceApi(
      'GET',
      '/intake/parcels?status=admitted&unpacked=false&pageSize=100',
      officer,
    );
    const relayedParcel = (parcels.body['items'] as Array<{ id: string; batchNumber: string }>).find(
      (p) => p.batchNumber === relayed,
    );
    relayedUnpackPath = `/intake/parcels/${relayedParcel!.id}/unpack`;
    await context.close();
  });

  it('unpacks with two officers and two lab staff, the buyer by pseudonym, the video and photos uploaded with progress', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('intake-a'), '/intake/unpacking');
    await page.getByRole('heading', { name: '拆封与封样', level: 1 }).waitFor();
    await page
      .getByTestId('awaiting-unpacking')
      .locator('tr', { hasText: batch })
      .getByRole('link', { name: '开始拆包' })
      .click();
    await page.getByRole('heading', { name: `拆包查验 ${batch}`, level: 1 }).waitFor();
    expect(await page.getByTestId('buyer-pseudonym').innerText()).toMatch(/^U-[0-9A-F]{16}$/);
    // Nothing typed names the buyer: the page has no field for it.
    expect(await page.getByLabel(/买样人/).count()).toBe(0);
    await page
      .getByTestId('unpack-missing')
      .getByText(/拆包录像/)
      .waitFor();
    await page.getByLabel('执法人员 1').fill('王明');
    await page.getByLabel('执法人员 2').fill('张强');
    await page.getByLabel('承检机构人员 1').fill('李华');
    await page.getByLabel('承检机构人员 2').fill('赵敏');
    await page.locator('#unboxing-video').setInputFiles(fileOf('unboxing.mp4', randomBytes(6 * 1024 * 1024)));
    await page.locator('#waybill-photo').setInputFiles(fileOf('waybill.png', png()));
    await page
      .locator('#sample-photos')
      .setInputFiles([fileOf('front.png', png()), fileOf('label.png', png())]);
    for (const kind of ['unboxing-video', 'waybill-photo'])
      await page.getByTestId(`upload-${kind}`).locator('[data-uploaded]').waitFor({ timeout: 120_000 });
    await expectEventually(async () =>
      expect(await page.getByTestId('upload-sample-photo').locator('[data-uploaded]').count()).toBe(2),
    );
    expect(await page.getByTestId('upload-unboxing-video').innerText()).toMatch(/[0-9a-f]{64}/);
    await page.getByLabel('样品名称 *').fill('桑蚕丝被');
    await page.getByLabel('标称商标').fill('丝之源');
    await page.getByLabel('标称生产者').fill('杭州丝之源家纺有限公司');
    await page.getByLabel('产品标准').fill('GB/T 24252-2019');
    await page.getByLabel('规格型号').fill('200×230cm');
    await screenshot(page, 'intake-unpack-filled-zh-CN-desktop');
    await page.getByRole('button', { name: '记录拆包' }).click();
    await Promise.race([
      page.waitForURL((u) => u.pathname.startsWith('/intake/sessions/')),
      page
        .locator('.ant-alert-error')
        .first()
        .waitFor()
        .then(async () => {
          throw new Error(await page.locator('.ant-alert-error').first().innerText());
        }),
    ]);
    sessionPath = new URL(page.url()).pathname;
    await page.getByTestId('seal-form').waitFor();
    await context.close();
  });

  it('refuses a seal signed by two lab staff and one officer, showing the reason; seals with 2 + 2', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('intake-a'), sessionPath);
    const form = page.getByTestId('seal-form');
    await form.waitFor();
    await chooseOption(page, page.locator('#seal-category'), '蚕丝被');
    await form.getByLabel('检验用样品封样编号').fill(`FY2026-${String(base)}`);
    await form.getByLabel('备份样品封样编号').fill(`FY2026-${String(base + 1)}`);
    await form.getByLabel('备份样品存放位置').fill('市局样品室 A-03-2');
    const zhang = form.getByLabel(/张强/);
    await setChecked(zhang, false);
    await form.getByRole('button', { name: '封样' }).click();
    await form.getByText('signatures: needs at least 2 enforcement officers, got 1').waitFor();
    await screenshot(page, 'intake-seal-refused-zh-CN-desktop');
    await setChecked(zhang, true);
    await form.getByRole('button', { name: '封样' }).click();
    await page.getByTestId('sealed').getByText(`已封样：样品编号 ${sampleCode}`).waitFor();
    expect(await page.getByTestId('sample-code').innerText()).toBe(sampleCode);
    await context.close();
  });

  it('prints the labels (the PDF downloads and pdftotext finds the sample code) and the work order', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('intake-a'), sessionPath);
    const docs = page.getByTestId('documents');
    await docs.waitFor();
    // Previewed in the page by pdf.js: the labels first, then the work order.
    const shownLabels = await shownPdf(page, 'documents-pdf', sampleCode);
    expect(shownLabels.inked).toBeGreaterThan(0);
    expect(shownLabels.download).toBe(`${sampleCode}-labels.pdf`);
    await docs.getByText('检验工作单', { exact: true }).click();
    expect((await shownPdf(page, 'documents-pdf', '网络商品质量抽查检验工作单')).text).toContain(batch);
    const [labels] = await Promise.all([
      page.waitForEvent('download'),
      docs.getByRole('button', { name: '下载标签 PDF' }).click(),
    ]);
    expect(labels.suggestedFilename()).toBe(`${sampleCode}-labels.pdf`);
    const labelsFile = path.join(mkdtempSync(path.join(tmpdir(), 'qis-labels-')), 'labels.pdf');
    await labels.saveAs(labelsFile);
    expect(pdfText(labelsFile)).toContain(sampleCode);
    // The print button opens the same PDF in the browser's viewer, in a new tab.
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      docs.getByRole('button', { name: '打印样品标签' }).click(),
    ]);
    await expectEventually(async () => expect(tab.url()).toMatch(/^blob:/));
    await tab.close();
    const [workOrder] = await Promise.all([
      page.waitForEvent('download'),
      docs.getByRole('button', { name: '下载工作单' }).click(),
    ]);
    const workOrderFile = path.join(mkdtempSync(path.join(tmpdir(), 'qis-wo-')), 'wo.pdf');
    await workOrder.saveAs(workOrderFile);
    const text = pdfText(workOrderFile);
    expect(text).toContain('网络商品质量抽查检验工作单');
    expect(text).toContain(batch);
    await context.close();
  });

  it('hands the test sample to the lab and re-seals the backup for re-inspection with every party; each step in the custody record', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('intake-a'), sessionPath);
    const hand = page.getByTestId('hand-over-form');
    await hand.waitFor();
    await hand.getByLabel('承检机构编号').fill('L001');
    await hand.getByLabel('机构经办人').fill('李华');
    await hand.getByLabel('核对封样编号').fill('FY2026-000000');
    await hand.getByRole('button', { name: '记录交接' }).click();
    await hand.getByText(/sealNumber: the test sample is sealed with/).waitFor();
    await hand.getByLabel('核对封样编号').fill(`FY2026-${String(base)}`);
    await hand.getByRole('button', { name: '记录交接' }).click();
    const custody = page.getByTestId('custody');
    await custody.getByText('交承检机构').waitFor();

    const reseal = page.getByTestId('reseal-form');
    await reseal.getByLabel('新封样编号').fill(`FY2026-${String(base + 2)}`);
    await reseal.getByLabel('执法人员').fill('王明');
    await reseal.getByRole('button', { name: '重新封样' }).click();
    await reseal.getByText(/needs the signature of the re-inspection applicant/).waitFor();
    await reseal.getByLabel('复检申请人').fill('杭州丝之源家纺有限公司 委托人 陈晓');
    await reseal.getByLabel('原检验机构').fill('纺织院 李华');
    await reseal.getByLabel('复检机构').fill('省质检院 周正');
    await reseal.getByRole('button', { name: '重新封样' }).click();
    await custody.getByText('重新封样').waitFor();
    const rows = await custody.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows.map((r) => r.split('\t')[1])).toEqual(['封样', '封样', '交承检机构', '重新封样']);
    await screenshot(page, 'intake-session-sealed-zh-CN-desktop');
    await context.close();
  });

  it('shows each step on the batch timeline and the intake queues on the home page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('intake-a'), `/batches/${batch}`);
    const received = page.locator('[data-stage="received"][data-state="present"]');
    await received.waitFor();
    expect(await received.innerText()).toContain(typed);
    expect(await received.innerText()).toContain('中通快递');
    const sealed = page.locator('[data-stage="sealed"][data-state="present"]');
    await sealed.first().waitFor();
    const steps = await sealed.allInnerTexts();
    expect(steps).toHaveLength(3);
    expect(steps[0]).toContain(sampleCode);
    expect(steps[1]).toContain('交承检机构');
    expect(steps[2]).toContain('复检重新封样');
    expect(steps[2]).toContain(`FY2026-${String(base + 2)}`);
    await screenshot(page, 'intake-batch-timeline-zh-CN-desktop');
    await page.goto(`${stack.url}/`);
    await page.getByTestId('queue-parcels-expected').getByText(waiting, { exact: false }).first().waitFor();
    await page.getByTestId('queue-quarantined').getByText(loose, { exact: true }).waitFor();
    await page.getByTestId('queue-to-seal').waitFor();
    await context.close();
  });

  it('captures every intake page in Chinese and English, desktop and phone, with no serious axe violation', async () => {
    const pages = [
      { path: '/', name: 'intake-home' },
      { path: '/intake/parcels', name: 'intake-parcels' },
      { path: '/intake/quarantine', name: 'intake-quarantine' },
      { path: '/intake/unpacking', name: 'intake-unpacking' },
      { path: relayedUnpackPath, name: 'intake-unpack' },
      { path: sessionPath, name: 'intake-session' },
    ];
    for (const device of ['desktop', 'phone'] as const)
      await captureAs(browser, stack, 'intake-a', device, pages);
    const ours = Object.entries(violations).filter(([k]) => k.startsWith('intake-'));
    expect(ours).toHaveLength(pages.length * 4);
    expect(Object.fromEntries(ours.filter(([, v]) => v.length > 0))).toEqual({});
  });
});
