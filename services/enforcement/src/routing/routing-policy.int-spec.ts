import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PlatformFacts, SellerFacts } from '@qis/contracts';
import { expectEventually } from '@qis/testing';
import { uscc } from '../testing/credit-code';
import {
  EnforcementFixture,
  orderPlacedExample,
  reportIssuedExample,
  sampleSealedExample,
  type Claims,
} from '../testing/enforcement-fixture';

jest.setTimeout(240_000);

interface CaseBody {
  id: string;
  batchNumber: string;
  rule: string;
  authority: { kind: string; areaCode: string; name: string };
  copiedTo: Array<{ name: string }>;
  policyRow: string | null;
  policyReasons: string[];
}
interface TriageBody {
  batchNumber: string;
  reason: string;
  policyRow: string | null;
}
interface LetterBody {
  letterNumber: string;
  recipient: { name: string };
  policyRow: string;
}

const approver: Claims = { roles: ['approver'], sub: 'approver-zhou' };
const officer = (jurisdiction: string): Claims => ({
  roles: ['enforcement-officer'],
  jurisdiction,
  sub: `officer-${jurisdiction}`,
});

const example = orderPlacedExample.value;
const jd: PlatformFacts = {
  code: 'jd',
  name: '京东',
  url: 'https://www.jd.com',
  operatorName: '北京京东叁佰陆拾度电子商务有限公司',
  operatorRegisteredAreaCode: '110115',
};
const huzhou: SellerFacts = {
  ...example.seller,
  name: '湖州示例丝绸有限公司',
  unifiedSocialCreditCode: uscc('330502'),
  registeredAreaCode: '330502',
  registeredAddress: '浙江省湖州市吴兴区示例路8号',
};
const beijing: SellerFacts = {
  ...example.seller,
  name: '北京示例商贸有限公司',
  unifiedSocialCreditCode: uscc('110105'),
  registeredAreaCode: '110105',
  registeredAddress: '北京市朝阳区建国路1号',
};
const { registeredAreaCode: _a, registeredAddress: _b, ...unplaced } = example.seller;
const {
  operatorRegisteredAreaCode: _c,
  operatorUnifiedSocialCreditCode: _d,
  ...unknownOperator
} = example.platform as PlatformFacts;

const n = () => `HZ2026-${String(randomInt(600_000, 699_999))}`;

interface RowCase {
  row: string;
  batchNumber: string;
  order: { seller?: SellerFacts; platform?: PlatformFacts | undefined };
  /** The authority the case lands with, or the words its triage reason must hold. */
  expected: { areaCode: string; letter: boolean } | { triage: RegExp };
}

/** One failed batch per routing row (and per area-code history case), end to end. */
const rows: RowCase[] = [
  {
    row: 'city-platform',
    batchNumber: n(),
    order: { platform: { ...(example.platform as PlatformFacts), operatorRegisteredAreaCode: '330108' } },
    expected: { areaCode: '330108', letter: false },
  },
  {
    row: 'platform-unknown',
    batchNumber: n(),
    order: { platform: unknownOperator },
    expected: { triage: /registered district unknown/ },
  },
  {
    row: 'city-seller-outside-platform',
    batchNumber: n(),
    order: { platform: jd },
    expected: { areaCode: '110000', letter: true },
  },
  {
    row: 'province-seller-outside-platform',
    batchNumber: n(),
    order: { seller: huzhou, platform: jd },
    expected: { areaCode: '330000', letter: true },
  },
  {
    row: 'outside-seller-outside-platform',
    batchNumber: n(),
    order: { seller: beijing, platform: jd },
    expected: { triage: /out of scope \(003 §2\)/ },
  },
  {
    row: 'seller-unknown-outside-platform',
    batchNumber: n(),
    order: { seller: { ...unplaced, unifiedSocialCreditCode: uscc('330000') }, platform: jd },
    expected: { triage: /seller's registration is not proven/ },
  },
  {
    row: 'own-site-city-seller',
    batchNumber: n(),
    order: { platform: undefined },
    expected: { areaCode: '330106', letter: false },
  },
  {
    row: 'own-site-province-seller',
    batchNumber: n(),
    order: { seller: huzhou, platform: undefined },
    expected: { areaCode: '330500', letter: true },
  },
  {
    row: 'own-site-outside-seller',
    batchNumber: n(),
    order: { seller: beijing, platform: undefined },
    expected: { triage: /out of scope \(003 §2\)/ },
  },
  {
    // 江干区 330104 split in 2021: the credit code and the address naming 下沙街道 → 钱塘区.
    row: 'own-site-city-seller',
    batchNumber: n(),
    order: {
      seller: {
        ...unplaced,
        unifiedSocialCreditCode: uscc('330104'),
        registeredAddress: '浙江省杭州市江干区下沙街道6号大街1号',
      },
      platform: undefined,
    },
    expected: { areaCode: '330114', letter: false },
  },
  {
    // 下城区 330103 merged whole into 拱墅区 in 2021: the credit code alone resolves.
    row: 'own-site-city-seller',
    batchNumber: n(),
    order: { seller: { ...unplaced, unifiedSocialCreditCode: uscc('330103') }, platform: undefined },
    expected: { areaCode: '330105', letter: false },
  },
  {
    // 余杭区 330110 split in 2021 and no address: a person decides, both successors named.
    row: 'own-site-city-seller',
    batchNumber: n(),
    order: { seller: { ...unplaced, unifiedSocialCreditCode: uscc('330110') }, platform: undefined },
    expected: { triage: /杭州市余杭区 \(330110\) and 杭州市临平区 \(330113\)/ },
  },
];

describe('routing policy on the real servers: a failed batch of each row lands with the right authority', () => {
  let fx: EnforcementFixture;
  let cases: CaseBody[] = [];
  let triage: TriageBody[] = [];

  beforeAll(async () => {
    fx = await EnforcementFixture.start();
    // `platform: undefined` is an own-site sale (the key is dropped on the wire).
    for (const r of rows) await fx.batch(r.batchNumber, { order: r.order });
    for (const r of rows) await fx.deliverAll(r.batchNumber);
    await fx.windowsRunOut();
    await expectEventually(
      async () => {
        cases = (await fx.call<CaseBody[]>('GET', '/cases', approver)).body;
        triage = (await fx.call<TriageBody[]>('GET', '/triage', approver)).body;
        const placed = new Set([...cases, ...triage].map((x) => x.batchNumber));
        expect(rows.filter((r) => !placed.has(r.batchNumber)).map((r) => r.row)).toEqual([]);
      },
      { timeoutMs: 60_000 },
    );
  }, 300_000);

  afterAll(() => fx?.stop());

  it.each(rows)('row $row: $batchNumber', (r) => {
    if ('triage' in r.expected) {
      expect(cases.find((c) => c.batchNumber === r.batchNumber)).toBeUndefined();
      const item = triage.find((t) => t.batchNumber === r.batchNumber);
      expect(item).toMatchObject({ policyRow: r.row });
      expect(item?.reason).toMatch(r.expected.triage);
      return;
    }
    const found = cases.find((c) => c.batchNumber === r.batchNumber);
    expect(found).toMatchObject({ policyRow: r.row, authority: { areaCode: r.expected.areaCode } });
    expect(found?.policyReasons.join('\n')).toContain(`row ${r.row}:`);
  });

  it('shows the row and its reasons on the case page, and a transfer letter only for a transfer', async () => {
    for (const r of rows) {
      if ('triage' in r.expected) continue;
      const found = cases.find((c) => c.batchNumber === r.batchNumber) as CaseBody;
      const page = await fx.call<CaseBody>('GET', `/cases/${found.id}`, approver);
      expect(page.body).toMatchObject({ policyRow: r.row });
      expect(page.body.policyReasons.length).toBeGreaterThan(1);
      const letter = await fx.call<LetterBody>('GET', `/cases/${found.id}/transfer-letter`, approver);
      expect(letter.status).toBe(r.expected.letter ? 200 : 404);
      if (r.expected.letter)
        expect(letter.body).toMatchObject({ policyRow: r.row, recipient: { name: found.authority.name } });
    }
  });

  it('the transfer letter PDF (案件移送函) names issuer, recipient, legal basis, case facts and evidence', async () => {
    const r = rows.find((x) => x.row === 'province-seller-outside-platform') as RowCase;
    const found = cases.find((c) => c.batchNumber === r.batchNumber) as CaseBody;
    const res = await fetch(`${fx.service.url}/cases/${found.id}/transfer-letter/pdf`, {
      headers: await fx.service.auth(officer('330000')),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'qis-letter-'));
    try {
      writeFileSync(path.join(dir, 'letter.pdf'), Buffer.from(await res.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-layout', 'letter.pdf', '-'], { cwd: dir }).toString();
      // Lines wrap anywhere in Chinese text: compare without whitespace.
      const flat = text.replace(/\s+/g, '');
      const letter = (await fx.call<LetterBody>('GET', `/cases/${found.id}/transfer-letter`, approver)).body;
      for (const expected of [
        '案件移送函',
        letter.letterNumber,
        '浙江省市场监督管理局', // the receiving authority (and addressee)
        '杭州市市场监督管理局', // the issuing authority
        '移送依据',
        '第二条第（三）项',
        '《市场监督管理行政处罚程序规定》第十八条',
        r.batchNumber,
        found.id,
        huzhou.name,
        huzhou.unifiedSocialCreditCode as string,
        jd.operatorName,
        example.orderNumber,
        sampleSealedExample.value.claimed.sampleName,
        reportIssuedExample.value.reportNumber,
        ...reportIssuedExample.value.failingItems,
        '证据清单',
        reportIssuedExample.value.reportDocumentId,
        example.evidencePackageId,
        sampleSealedExample.value.unpackingSessionId,
        'SHA-256',
        'province-seller-outside-platform',
        '杭州市市场监督管理局网监办', // copied
        '杭州市市场监督管理局案件移送函', // the issuing authority above the title
        '权利告知',
        '自收到本函及所附材料之日起十五个工作日内予以核查', // the receiving authority's period, in words
        '对管辖权有异议的，应当报请共同的上一级市场监督管理部门指定管辖',
      ])
        expect(flat).toContain(expected.replace(/\s+/g, ''));
      expect(flat).toMatch(
        /二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the letter is scoped like its case: a district officer elsewhere gets 404', async () => {
    const r = rows.find((x) => x.row === 'province-seller-outside-platform') as RowCase;
    const found = cases.find((c) => c.batchNumber === r.batchNumber) as CaseBody;
    expect((await fx.call('GET', `/cases/${found.id}/transfer-letter`, officer('330108'))).status).toBe(404);
    const pdf = await fetch(`${fx.service.url}/cases/${found.id}/transfer-letter/pdf`, {
      headers: await fx.service.auth(officer('330108')),
    });
    expect(pdf.status).toBe(404);
    expect((await fx.call('GET', `/cases/${found.id}/transfer-letter`, officer('330000'))).status).toBe(200);
  });
});
