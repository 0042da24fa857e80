import { expectEventually } from '@qis/testing';
import { EnforcementFixture, orderPlacedExample } from '../testing/enforcement-fixture';

interface FileBody {
  key: string;
  subjectRole: string;
  subjectName: string;
  unifiedSocialCreditCode: string | null;
  sellerEntityType: string | null;
  shops: Array<{ platform: string | null; shopName: string; shopUrl: string }>;
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
  await fx.deliverAll(personBatch);
  await fx.deliverAll(companyBatch);
  await fx.windowsRunOut();
  await expectEventually(
    async () => {
      const res = await fx.call<FileBody[]>('GET', `/credit?q=${encodeURIComponent(producer)}`, planner);
      expect(res.body[0]?.failures).toBe(2);
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

describe('credit files are found by credit code or by name', () => {
  it("finds a natural-person seller's file by name and by the platform shop id, with the shop", async () => {
    const byName = await search('张小梅', planner);
    expect(byName.status).toBe(200);
    expect(byName.body).toEqual([
      expect.objectContaining({
        subjectRole: 'seller',
        subjectName: '张小梅',
        unifiedSocialCreditCode: null,
        sellerEntityType: 'natural-person',
        shops: [{ platform: '淘宝', shopName: person.shopName, shopUrl: person.shopUrl }],
        failures: 1,
      }),
    ]);
    const byShop = await search('778899', planner, 'seller');
    expect(byShop.body.map((f) => f.key)).toEqual([byName.body[0]?.key]);
  });

  it("finds a company's file by its unified social credit code, lower case too", async () => {
    const res = await search(company.unifiedSocialCreditCode!.toLowerCase(), planner);
    expect(res.body).toEqual([
      expect.objectContaining({
        subjectName: company.name,
        unifiedSocialCreditCode: company.unifiedSocialCreditCode,
        sellerEntityType: 'enterprise',
        failures: 1,
      }),
    ]);
    expect(res.body[0]?.entries.map((e) => e.batchNumber)).toEqual([companyBatch]);
  });

  it("finds a claimed producer's file by name, gathering the failures of every seller", async () => {
    const res = await search('示例丝绸', planner, 'producer');
    expect(res.body).toEqual([
      expect.objectContaining({ subjectRole: 'producer', subjectName: producer, failures: 2, shops: [] }),
    ]);
  });

  it("shows a district officer only the entries of their district's cases", async () => {
    const producerFile = await search(producer, binjiang, 'producer');
    expect(producerFile.body).toHaveLength(1);
    expect(producerFile.body[0]?.entries.map((e) => e.batchNumber)).toEqual([personBatch]);
    // The company's only case is 余杭区's: its file is not found at all.
    expect((await search(company.unifiedSocialCreditCode!, binjiang)).body).toEqual([]);
    expect((await search('张小梅', binjiang)).body).toHaveLength(1);
  });

  it('refuses a search shorter than two characters, naming the field', async () => {
    const res = await fx.call<{ errors: Array<{ field: string }> }>('GET', '/credit?q=x', planner);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]?.field).toBe('q');
  });
});
