/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ResultFinal, ResultNotified } from '@qis/contracts';
import { repoRoot, startTestService, type TestService } from '@qis/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { DisclosureConfig } from '../disclosure.config';
import { disclosureService } from '../disclosure.definition';
import type { PublicResultView } from '../publication/public-result.view';
import { DisclosureFixture } from '../test-support/disclosure-fixture';
import { fieldsOutsideAllowList, secretsIn, type PublicPayloadKind } from '../test-support/public-allow-list';
import {
  publicNoticeNotified,
  resultFinal,
  type ResultFinalOverrides,
} from '../test-support/result-final.factory';

/**
 * The public page in Debian's headless Chromium (playwright-core, no browser download), on data
 * that reached the service as real result-final events through Kafka. Screenshots go to
 * test-artifacts/disclosure/.
 */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SHOTS = path.join(repoRoot(), 'test-artifacts/disclosure');

const jd = { code: 'jd', name: '京东', operatorName: '北京京东叁佰陆拾度电子商务有限公司' };
const pdd = { code: 'pinduoduo', name: '拼多多', operatorName: '上海寻梦信息技术有限公司' };
const SEEDS: Array<[string, ResultFinalOverrides]> = [
  ['HZ2026-500001', { seller: { name: '杭州丝语家纺有限公司' }, finalAt: '2026-01-08T02:00:00.000Z' }],
  [
    'HZ2026-500002',
    {
      seller: { name: '杭州云锦床品店' },
      verdict: 'pass',
      failingItems: [],
      finalAt: '2026-01-20T02:00:00.000Z',
    },
  ],
  [
    'HZ2026-500003',
    {
      seller: { name: '湖州蚕乡丝绸商行', registeredAreaCode: '330502' },
      finalAt: '2026-02-11T02:00:00.000Z',
      failingItems: ['蚕丝含量', '质量偏差率'],
    },
  ],
  [
    'HZ2026-500004',
    {
      seller: { name: '杭州暖冬家居用品店', registeredAreaCode: '330110' },
      verdict: 'pass',
      failingItems: [],
      finalAt: '2026-01-21T02:00:00.000Z',
    },
  ],
  [
    'HZ2026-500005',
    {
      seller: { name: '南京电通电器经营部', registeredAreaCode: '320102' },
      category: 'power-strip',
      platform: jd,
      failingItems: ['防触电保护', '温升'],
      claimed: {
        sampleName: '移动式插座',
        brand: '电通',
        producerName: undefined,
        producerAddress: undefined,
        hasCertificate: false,
        specModel: 'DT-4 10A',
      },
      finalAt: '2026-03-03T02:00:00.000Z',
    },
  ],
  [
    'HZ2026-500006',
    {
      seller: { name: '南京安心插座专营店', registeredAreaCode: '320104' },
      category: 'power-strip',
      platform: jd,
      verdict: 'pass',
      failingItems: [],
      claimed: { sampleName: '转换器', brand: '安心' },
      finalAt: '2026-03-15T02:00:00.000Z',
    },
  ],
  [
    'HZ2026-500007',
    {
      seller: { name: '义乌小家电批发店', registeredAreaCode: '330782' },
      category: 'induction-cooker',
      platform: pdd,
      failingItems: ['输入功率和电流'],
      claimed: { sampleName: '电磁灶', brand: '厨乐', hasCertificate: false },
      finalAt: '2026-04-09T02:00:00.000Z',
    },
  ],
  [
    'HZ2026-500008',
    {
      seller: { name: '宁波厨电旗舰店', registeredAreaCode: '330203' },
      category: 'induction-cooker',
      platform: pdd,
      verdict: 'pass',
      failingItems: [],
      claimed: { sampleName: '电磁灶', brand: '宁厨' },
      finalAt: '2026-04-19T02:00:00.000Z',
    },
  ],
  [
    'HZ2026-500009',
    {
      seller: { name: '杭州电器直营网站' },
      category: 'power-strip',
      platform: null,
      verdict: 'pass',
      failingItems: [],
      claimed: { sampleName: '插线板', brand: '直营' },
      finalAt: '2026-05-06T02:00:00.000Z',
    },
  ],
  [
    'HZ2026-500010',
    { seller: { name: '绍兴轻纺家居店', registeredAreaCode: '330602' }, finalAt: '2026-05-16T02:00:00.000Z' },
  ],
  [
    'HZ2026-500011',
    {
      seller: { name: '杭州桑梓丝绸有限公司' },
      verdict: 'pass',
      failingItems: [],
      finalAt: '2026-04-25T02:00:00.000Z',
    },
  ],
  [
    'HZ2026-500012',
    {
      seller: { name: '温州插座配件商行', registeredAreaCode: '330302' },
      category: 'power-strip',
      platform: pdd,
      failingItems: ['插头插座尺寸'],
      finalAt: '2026-06-12T02:00:00.000Z',
    },
  ],
];

let service: TestService<DisclosureConfig>;
let fx: DisclosureFixture;
let browser: Browser;
const fetched: Array<{ url: string; body: unknown }> = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  service = await startTestService(disclosureService);
  fx = new DisclosureFixture(service);
  for (const [batch, over] of SEEDS) await fx.emit(ResultFinal, batch, resultFinal(batch, over));
  await fx.emit(ResultNotified, 'HZ2026-500013', publicNoticeNotified('HZ2026-500013'));
  const [silk] = await fx.awaitResults<PublicResultView>(`q=${encodeURIComponent('杭州丝语家纺')}`, 1);
  await fx.awaitResults('', SEEDS.length);
  await fx.call(
    'POST',
    `/publications/${silk?.id}/corrections`,
    { roles: ['enforcement-officer'], jurisdiction: '330100' },
    {
      reason: '生产日期录入错误，予以更正',
      productionDate: '2025-10-12',
    },
  );
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // root (CI containers) cannot use Chromium's user-namespace sandbox
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await fx?.stop();
  await service?.stop();
});

async function open(pathname: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  page.on('response', async (res) => {
    if (!res.url().includes('/public/')) return;
    try {
      fetched.push({ url: res.url(), body: await res.json() });
    } catch {
      // not JSON (none expected): the allow-list test below would not see it
    }
  });
  await page.goto(`${service.url}${pathname}`);
  await page.waitForSelector(`body[data-ready="${pathname.split('?')[0]}"]`);
  return page;
}

const resultCount = (page: Page) => page.locator('#result-count').innerText();

describe('the public page', () => {
  it('lists results, searches by free text and filters by category, platform, verdict and period (screenshot list.png)', async () => {
    const page = await open('/');
    expect(await page.locator('h1').innerText()).toBe('抽检结果公示');
    expect(await resultCount(page)).toBe(`共 ${SEEDS.length} 条结果`);
    expect(await page.locator('#result-list > li').count()).toBe(10);
    await page.getByRole('link', { name: '下一页' }).click();
    await page.waitForFunction(() => document.querySelectorAll('#result-list > li').length === 2);

    const expected = (await fx.get<{ total: number }>(`/public/results?q=${encodeURIComponent('插座')}`))
      .total;
    expect(expected).toBe(3);
    await page.getByLabel('关键词').fill('插座');
    await page.getByLabel('关键词').press('Enter');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent === '共 3 条结果');
    expect(page.url()).toContain(`q=${encodeURIComponent('插座')}`);

    await page.goto(`${service.url}/`);
    await page.waitForSelector('body[data-ready="/"]');
    await page.getByLabel('品类').selectOption('power-strip');
    await page.getByLabel('判定结论').selectOption('fail');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent === '共 2 条结果');
    expect(page.url()).toContain('category=power-strip');
    await page.getByLabel('交易平台').selectOption('京东');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent === '共 1 条结果');
    expect(await page.locator('#result-list').innerText()).toContain('南京电通电器经营部');

    await page.goto(`${service.url}/?period=2026-Q1&region=330000`);
    await page.waitForSelector('body[data-ready="/"]');
    expect(await resultCount(page)).toBe('共 4 条结果');
    expect(await page.getByLabel('经营者所在地区').inputValue()).toBe('330000');
    await page.goto(`${service.url}/`);
    await page.waitForSelector('body[data-ready="/"]');
    await page.screenshot({ path: path.join(SHOTS, 'list.png'), fullPage: true });
    await page.close();
  });

  it('opens a detail page with the public fields, the correction banner and the history (screenshot detail.png)', async () => {
    const page = await open(`/?q=${encodeURIComponent('杭州丝语家纺')}`);
    await page.locator('#result-list a').first().click();
    await page.waitForSelector('#detail-fields');
    expect(page.url()).toMatch(/\/results\/[0-9a-f-]{36}$/);
    expect(await page.locator('h1').innerText()).toBe('桑蚕丝被 · 杭州丝语家纺有限公司');
    const fields = await page.locator('#detail-fields').innerText();
    for (const text of [
      '不合格',
      '湖州示例丝绸有限公司',
      '200cm×230cm 1.5kg',
      '2025-10-12',
      '蚕丝含量',
      '浙江淘宝网络有限公司',
      '浙江省杭州市西湖区',
    ]) {
      expect(fields).toContain(text);
    }
    expect(await page.locator('.notice-banner').innerText()).toContain('生产日期录入错误，予以更正');
    expect(await page.locator('#history tbody tr').count()).toBe(2);
    // the heading takes focus after navigation, for screen readers and keyboards
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.screenshot({ path: path.join(SHOTS, 'detail.png'), fullPage: true });
    await page.close();
  });

  it('shows statistics with rendered ECharts charts and a table with intervals (screenshot statistics.png)', async () => {
    const page = await open('/statistics');
    for (const id of ['#chart-breakdown', '#chart-trend']) {
      const canvas = page.locator(`${id} canvas`).first();
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.height).toBeGreaterThan(200);
      // the chart drew something: the canvas is not blank
      const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
        const data =
          c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
        return n;
      });
      expect(inked).toBeGreaterThan(1000);
    }
    expect(await page.locator('#kpi-tested .value').innerText()).toBe(String(SEEDS.length));
    const rows = await page.locator('#stats-table tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t')[0])).toEqual(['电磁灶 *', '插座（转换器） *', '蚕丝被 *', '合计 *']);
    expect(rows[2]).toMatch(/\d+\.\d%.*\(\d+\.\d%–\d+\.\d%\)/);
    await page.screenshot({ path: path.join(SHOTS, 'statistics.png'), fullPage: true });

    await page.getByLabel('统计维度').selectOption('province');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForFunction(() =>
      document.querySelector('#stats-table caption')?.textContent?.includes('按省份'),
    );
    expect(await page.locator('#stats-table tbody').innerText()).toContain('江苏省');
    await page.close();
  });

  it('shows public notices with the fields the rules list (screenshot notices.png)', async () => {
    const page = await open('/notices');
    const text = await page.locator('#notice-list').innerText();
    for (const field of [
      '杭州无址电子商行',
      'XB-306 10A 250V',
      'https://item.taobao.com/item.htm?id=7099990001',
      '3387123456789012',
      '淘宝',
    ]) {
      expect(text).toContain(field);
    }
    await page.screenshot({ path: path.join(SHOTS, 'notices.png'), fullPage: true });
    await page.close();
  });

  it('lists corrections and withdrawals with their reasons, linking to the whole history (screenshot revisions.png)', async () => {
    const page = await open('/revisions');
    const text = await page.locator('#revision-list').innerText();
    expect(text).toContain('杭州丝语家纺有限公司');
    expect(text).toContain('生产日期录入错误，予以更正');
    await page.locator('#revision-list a').first().click();
    await page.waitForSelector('#history');
    expect(await page.locator('#history tbody tr').count()).toBe(2);
    await page.goto(`${service.url}/revisions`);
    await page.waitForSelector('body[data-ready="/revisions"]');
    await page.screenshot({ path: path.join(SHOTS, 'revisions.png'), fullPage: true });
    await page.close();
  });

  it('switches to English and back, keeping the choice (screenshot statistics-en.png)', async () => {
    const page = await open('/statistics');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForSelector('#chart-breakdown canvas');
    expect(await page.locator('h1').innerText()).toBe('Statistics');
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).innerText()).toContain(
      'Open data',
    );
    await page.screenshot({ path: path.join(SHOTS, 'statistics-en.png'), fullPage: true });
    await page.reload();
    await page.waitForSelector('body[data-ready="/statistics"]');
    expect(await page.locator('h1').innerText()).toBe('Statistics');
    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await page.close();
  });

  it('reads on a phone without sideways scrolling, and the keyboard reaches the skip link first (screenshot list-mobile.png)', async () => {
    const page = await open('/', { width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'list-mobile.png'), fullPage: true });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    // every form control has a label
    const unlabelled = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('input, select')).filter(
          (el) => !(el as HTMLInputElement).labels?.length,
        ).length,
    );
    expect(unlabelled).toBe(0);
    await page.close();
  });

  it('fetched nothing outside the allow-list', () => {
    const kindOf = (url: string): PublicPayloadKind =>
      url.includes('/public/statistics')
        ? 'statistics'
        : url.includes('/public/facets')
          ? 'facets'
          : url.includes('/public/notices')
            ? 'notice-page'
            : /\/public\/results\/[0-9a-f-]{36}/.test(url)
              ? 'result-detail'
              : 'result-page';
    const forbidden = SEEDS.flatMap(([batch]) => [batch, `${batch}-S`]).concat([
      '91330106MA2CF0B1XU',
      '示例路1号',
      '示例家纺旗舰店',
    ]);
    expect(fetched.length).toBeGreaterThan(10);
    const problems = fetched
      .map((f) => ({
        url: f.url,
        outside: fieldsOutsideAllowList(kindOf(f.url), f.body),
        secrets: secretsIn(JSON.stringify(f.body), forbidden),
      }))
      .filter((p) => p.outside.length > 0 || p.secrets.length > 0);
    expect(problems).toEqual([]);
  });
});
