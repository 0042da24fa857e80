import { unifiedSocialCreditCheckCharacter } from '@qis/contracts';
import { expectEventually } from '@qis/testing';
import { EnforcementFixture, orderPlacedExample, sampleSealedExample } from '../testing/enforcement-fixture';

interface FileBody {
  key: string;
  subjectRole: string;
  subjectKind: string;
  subjectName: string;
  unifiedSocialCreditCode: string | null;
  sellerEntityType: string | null;
  shops: Array<{
    platform: string | null;
    platformCode: string | null;
    shopId: string;
    shopName: string;
    shopUrl: string;
  }>;
  failures: number;
  entries: Array<{ kind: string; batchNumber: string }>;
}

const planner = { roles: ['planner'], sub: 'planner-zhao' };
const binjiang = { roles: ['enforcement-officer'], jurisdiction: '330108', sub: 'officer-330108' };
const company = orderPlacedExample.value.seller;
const producer = '湖州示例丝绸有限公司';
// A natural person selling on the platform: no credit code, known by name and shop.
const person = {
  name: '张小梅',
  entityType: 'natural-person' as const,
  shopName: '小梅家纺小店',
  shopUrl: 'https://shop778899.taobao.com',
};
const personBatch = 'HZ2026-940001';
const companyBatch = 'HZ2026-940002';
// The same name on another shop of the platform: another natural person's file.
const namesake = { ...person, shopName: '梅子床品', shopUrl: 'https://shop998877.taobao.com' };
const namesakeBatch = 'HZ2026-940003';
// A producer whose label shows its credit code.
const coded = {
  name: '绍兴示例纺织有限公司',
  code: `91330602MA2D7K8P1${unifiedSocialCreditCheckCharacter('91330602MA2D7K8P1')}`,
};

let fx: EnforcementFixture;

beforeAll(async () => {
  fx = await EnforcementFixture.start();
  const platform = orderPlacedExample.value.platform!;
  // The natural person's platform sale goes to 滨江区, the company's to 余杭区.
  await fx.batch(personBatch, {
    order: { seller: person, platform: { ...platform, operatorRegisteredAreaCode: '330108' } },
  });
  await fx.batch(companyBatch, {
    order: { platform: { ...platform, operatorRegisteredAreaCode: '330110' } },
  });
  await fx.batch(namesakeBatch, {
    order: { seller: namesake, platform: { ...platform, operatorRegisteredAreaCode: '330110' } },
    sealed: {
      claimed: {
        ...sampleSealedExample.value.claimed,
        producerName: coded.name,
        producerUnifiedSocialCreditCode: coded.code,
      },
    },
  });
  await fx.deliverAll(personBatch);
  await fx.deliverAll(companyBatch);
  await fx.deliverAll(namesakeBatch);
  await fx.windowsRunOut();
  await expectEventually(
    async () => {
      const res = await fx.call<FileBody[]>('GET', `/credit?q=${encodeURIComponent(producer)}`, planner);
      expect(res.body[0]?.failures).toBe(2);
      const byCode = await fx.call<FileBody[]>('GET', `/credit?q=${coded.code}`, planner);
      expect(byCode.body[0]?.failures).toBe(1);
    },
    { timeoutMs: 30_000 },
  );
}, 240_000);

afterAll(() => fx?.stop());

const search = (q: string, claims: object, role?: string) =>
  fx.call<FileBody[]>(
    'GET',
    `/credit?q=${encodeURIComponent(q)}${role ? `&role=${role}` : ''}`,
    claims as { roles: string[] },
  );

describe('credit files are found by credit code, by name or by platform shop id', () => {
  it("keeps a natural person's file per name, platform and shop id, found by name and by the shop id", async () => {
    const byName = await search('张小梅', planner);
    expect(byName.status).toBe(200);
    const file = (shop: typeof person, shopId: string) =>
      expect.objectContaining({
        subjectRole: 'seller',
        subjectKind: 'natural-person-seller',
        subjectName: '张小梅',
        unifiedSocialCreditCode: null,
        sellerEntityType: 'natural-person',
        shops: [
          {
            platform: '淘宝',
            platformCode: 'taobao',
            shopId,
            shopName: shop.shopName,
            shopUrl: shop.shopUrl,
          },
        ],
        failures: 1,
      });
    expect(byName.body).toHaveLength(2);
    expect(byName.body).toEqual(expect.arrayContaining([file(person, '778899'), file(namesake, '998877')]));
    const byShop = await search('778899', planner, 'seller');
    expect(byShop.body).toEqual([file(person, '778899')]);
  });

  it("finds a producer's file by the credit code its label showed, and by its name", async () => {
    const byCode = await search(coded.code, planner);
    expect(byCode.body).toEqual([
      expect.objectContaining({
        subjectRole: 'producer',
        subjectKind: 'producer',
        subjectName: coded.name,
        unifiedSocialCreditCode: coded.code,
        failures: 1,
      }),
    ]);
    expect(byCode.body[0]?.entries.map((e) => e.batchNumber)).toEqual([namesakeBatch]);
    expect((await search('绍兴示例', planner, 'producer')).body.map((f) => f.key)).toEqual([
      byCode.body[0]?.key,
    ]);
    const file = await fx.call<{ failures: number }>('GET', `/credit/${coded.code}`, planner);
    expect(file.body.failures).toBe(1);
  });

  it("finds a company's file by its unified social credit code, lower case too", async () => {
    const res = await search(company.unifiedSocialCreditCode!.toLowerCase(), planner);
    expect(res.body).toEqual([
      expect.objectContaining({
        subjectName: company.name,
        unifiedSocialCreditCode: company.unifiedSocialCreditCode,
        subjectKind: 'registered-seller',
        sellerEntityType: 'enterprise',
        failures: 1,
      }),
    ]);
    expect(res.body[0]?.entries.map((e) => e.batchNumber)).toEqual([companyBatch]);
  });

  it("finds a claimed producer's file by name, gathering the failures of every seller", async () => {
    const res = await search('示例丝绸', planner, 'producer');
    expect(res.body).toEqual([
      expect.objectContaining({
        subjectRole: 'producer',
        subjectKind: 'producer',
        subjectName: producer,
        failures: 2,
        shops: [],
      }),
    ]);
  });

  it("shows a district officer only the entries of their district's cases", async () => {
    const producerFile = await search(producer, binjiang, 'producer');
    expect(producerFile.body).toHaveLength(1);
    expect(producerFile.body[0]?.entries.map((e) => e.batchNumber)).toEqual([personBatch]);
    // The company's only case is 余杭区's: its file is not found at all.
    expect((await search(company.unifiedSocialCreditCode!, binjiang)).body).toEqual([]);
    expect((await search('张小梅', binjiang)).body).toHaveLength(1);
    // The coded producer's only batch is 余杭区's: by code, by name and by file, nothing.
    expect((await search(coded.code, binjiang)).body).toEqual([]);
    expect((await search(coded.name, binjiang)).body).toEqual([]);
    const foreignFile = await fx.call<{ failures: number; entries: unknown[] }>(
      'GET',
      `/credit/${coded.code}`,
      binjiang,
    );
    expect(foreignFile.body).toMatchObject({ failures: 0, entries: [] });
    expect((await search('998877', binjiang)).body).toEqual([]);
  });

  it('refuses a search shorter than two characters, naming the field', async () => {
    const res = await fx.call<{ errors: Array<{ field: string }> }>('GET', '/credit?q=x', planner);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]?.field).toBe('q');
  });
});
