import { randomInt } from 'node:crypto';
import { expectEventually } from '@qis/testing';
import {
  EnforcementFixture,
  orderPlacedExample,
  type Claims,
  materialsReceived,
} from '../testing/enforcement-fixture';

const officer = (jurisdiction: string): Claims => ({
  roles: ['enforcement-officer'],
  jurisdiction,
  sub: `officer-${jurisdiction}`,
});
const approver: Claims = { roles: ['approver'], sub: 'approver-zhou' };
const auditor: Claims = { roles: ['auditor'], sub: 'auditor-sun' };

interface NoticeBody {
  id: string;
  kind: string;
  channel: string;
  receivedAt: string | null;
}
interface CaseBody {
  id: string;
  batchNumber: string;
  authority: { areaCode: string };
}
interface AlertBody {
  batchNumber: string | null;
}
interface CreditBody {
  failures: number;
  entries: Array<{ batchNumber: string }>;
}

/**
 * Every officer route answers a record of a foreign jurisdiction exactly as an unknown id: 404, no
 * data. A routed batch belongs to its case's area (the district and the city over it); a batch not
 * routed yet to the sampling bureau's city (330100), not to any district.
 */
describe('jurisdiction scope on every officer route of enforcement', () => {
  let fx: EnforcementFixture;
  const routed = `HZ2026-${String(randomInt(700_000, 749_999))}`; // platform operator in 330110
  const fujian = `HZ2026-${String(randomInt(750_000, 799_999))}`; // platform operator in 福州 350102
  const open = `HZ2026-${String(randomInt(800_000, 849_999))}`; // objected, not routed
  const seller = { ...orderPlacedExample.value.seller, unifiedSocialCreditCode: '91330106MA2CF0B1XU' };
  let routedNotice: NoticeBody;
  let openNotice: NoticeBody;
  let openObjection: string;
  let routedObjection: string;
  let fujianCase: CaseBody;

  beforeAll(async () => {
    fx = await EnforcementFixture.start();
    const issuedAt = '2026-05-29T02:00:00.000Z';
    await fx.batch(routed, { order: { seller }, report: { issuedAt } });
    await fx.batch(fujian, {
      order: {
        seller,
        platform: { ...orderPlacedExample.value.platform!, operatorRegisteredAreaCode: '350102' },
      },
      report: { issuedAt },
    });
    await fx.batch(open, { order: { seller }, report: { issuedAt } });
    await fx.notices(routed, 'result', 2);
    await fx.notices(fujian, 'result', 2);
    [openNotice] = (await fx.notices<NoticeBody>(open, 'result', 2)).filter(
      (n) => n.channel !== 'public-notice',
    );
    // Nothing sent in 5 working days: an overdue alert for each batch.
    await fx.scan();
    await fx.deliverAll(routed);
    await fx.deliverAll(fujian);
    // An objection on the batch to be routed, refused: the result then becomes final.
    const filed = await fx.call<{ id: string }>('POST', `/batches/${routed}/objections`, officer('330100'), {
      applicantRole: 'seller',
      applicantName: seller.name,
      filedAt: (await fx.now()).toISOString(),
    });
    expect(filed.status).toBe(201);
    routedObjection = filed.body.id;
    const refused = await fx.call('POST', `/objections/${routedObjection}/decision`, approver, {
      approve: false,
      reason: '异议理由不成立',
      decidedAt: (await fx.now()).toISOString(),
    });
    expect(refused.status).toBe(200);
    await fx.windowsRunOut(); // the 15-day windows are over: final, failed, routed
    const cases = await expectEventually(async () => {
      const r = await fx.call<CaseBody[]>('GET', '/cases', approver);
      const mine = r.body.filter((c) => [routed, fujian].includes(c.batchNumber));
      expect(mine).toHaveLength(2);
      return mine;
    });
    fujianCase = cases.find((c) => c.batchNumber === fujian)!;
    [routedNotice] = (await fx.notices<NoticeBody>(routed, 'result', 2)).filter(
      (n) => n.channel !== 'public-notice',
    );
  }, 240_000);
  afterAll(() => fx?.stop());

  /** A foreign answer is the unknown id's answer: 404, the same keys, no data of the record. */
  const expectHidden = (res: { status: number; body: unknown }, entity: string, id: string): void => {
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      message: `${entity} ${id} not found`,
    });
    expect(Object.keys(res.body as object).sort()).toEqual([
      'code',
      'error',
      'message',
      'requestId',
      'statusCode',
    ]);
  };

  it('routes the cases to 余杭 (330110) and to Fujian', () => {
    expect(fujianCase.authority.areaCode.startsWith('35')).toBe(true);
  });

  it("answers a foreign district's notices, notice, PDF and delivery with 404, the right district and city with the record", async () => {
    const foreign = officer('330108');
    expectHidden(await fx.call('GET', `/batches/${routed}/notices`, foreign), 'batch', routed);
    expectHidden(await fx.call('GET', `/notices/${routedNotice.id}`, foreign), 'notice', routedNotice.id);
    const pdf = await fetch(`${fx.service.url}/notices/${routedNotice.id}/pdf`, {
      headers: await fx.service.auth(foreign),
    });
    expectHidden({ status: pdf.status, body: await pdf.json() }, 'notice', routedNotice.id);
    const now = (await fx.now()).toISOString();
    const deliver = { sentAt: now, receivedAt: now };
    expectHidden(
      await fx.call('POST', `/notices/${routedNotice.id}/delivery`, foreign, deliver),
      'notice',
      routedNotice.id,
    );
    for (const mine of [officer('330110'), officer('330100')]) {
      const list = await fx.call<NoticeBody[]>('GET', `/batches/${routed}/notices`, mine);
      expect(list.status).toBe(200);
      expect(list.body.length).toBeGreaterThanOrEqual(2);
      expect((await fx.call('GET', `/notices/${routedNotice.id}`, mine)).status).toBe(200);
      const own = await fetch(`${fx.service.url}/notices/${routedNotice.id}/pdf`, {
        headers: await fx.service.auth(mine),
      });
      // In scope, judged on its merits: without an evidence service here the lab report cannot be
      // attached, and a result notice is never made without it (503), not hidden (404).
      expect(own.status).toBe(503);
      expect(((await own.json()) as { message: string }).message).toContain('without its lab report');
    }
    // In scope, the delivery is judged on its merits: already received (409), not missing.
    expect(
      (await fx.call('POST', `/notices/${routedNotice.id}/delivery`, officer('330110'), deliver)).status,
    ).toBe(409);
  });

  it("hides a batch routed to another province from Hangzhou's officers, city included", async () => {
    for (const hz of [officer('330100'), officer('330110')]) {
      expectHidden(await fx.call('GET', `/batches/${fujian}/notices`, hz), 'batch', fujian);
      expectHidden(await fx.call('GET', `/batches/${fujian}/objections`, hz), 'batch', fujian);
      expectHidden(await fx.call('GET', `/batches/${fujian}/stages`, hz), 'batch', fujian);
    }
    expect(
      (await fx.call('GET', `/batches/${fujian}/notices`, officer(fujianCase.authority.areaCode))).status,
    ).toBe(200);
  });

  it("answers a foreign district's objection routes with 404, the right district and city with the record", async () => {
    const foreign = officer('330108');
    const filing = {
      applicantRole: 'seller',
      applicantName: seller.name,
      filedAt: '2026-07-02T01:00:00.000Z',
    };
    expectHidden(await fx.call('POST', `/batches/${routed}/objections`, foreign, filing), 'batch', routed);
    expectHidden(await fx.call('GET', `/batches/${routed}/objections`, foreign), 'batch', routed);
    expectHidden(
      await fx.call('GET', `/objections/${routedObjection}`, foreign),
      'objection',
      routedObjection,
    );
    expectHidden(
      await fx.call('POST', `/objections/${routedObjection}/procedures-completed`, foreign, {
        completedAt: '2026-07-02T01:00:00.000Z',
      }),
      'objection',
      routedObjection,
    );
    expectHidden(
      await fx.call('POST', `/objections/${routedObjection}/waiver`, foreign, {
        declaredAt: '2026-07-02T01:00:00.000Z',
        reason: '申请人书面声明放弃复检',
      }),
      'objection',
      routedObjection,
    );
    for (const mine of [officer('330110'), officer('330100')]) {
      const list = await fx.call<Array<{ id: string }>>('GET', `/batches/${routed}/objections`, mine);
      expect(list.status).toBe(200);
      expect(list.body.map((o) => o.id)).toContain(routedObjection);
      expect((await fx.call('GET', `/objections/${routedObjection}`, mine)).status).toBe(200);
    }
  });

  it('lets only the sampling city and the district it would go to act on a batch not routed yet: delivery, objection, procedures', async () => {
    // 余杭 (330110), where the platform operator is registered, follows it; 滨江 (330108) does not.
    const district = officer('330108');
    const city = officer('330100');
    const at = (await fx.now()).toISOString();
    expectHidden(
      await fx.call('POST', `/notices/${openNotice.id}/delivery`, district, { sentAt: at, receivedAt: at }),
      'notice',
      openNotice.id,
    );
    expect(
      (await fx.call('POST', `/notices/${openNotice.id}/delivery`, city, { sentAt: at, receivedAt: at }))
        .status,
    ).toBe(200);
    const filing = {
      applicantRole: 'seller',
      applicantName: seller.name,
      filedAt: at,
      materials: materialsReceived,
    };
    expectHidden(await fx.call('POST', `/batches/${open}/objections`, district, filing), 'batch', open);
    const filed = await fx.call<{ id: string }>('POST', `/batches/${open}/objections`, city, filing);
    expect(filed.status).toBe(201);
    openObjection = filed.body.id;
    const decided = await fx.call('POST', `/objections/${openObjection}/decision`, approver, {
      approve: true,
      reason: '申请材料齐全，同意复检',
      decidedAt: at,
    });
    expect(decided.status).toBe(200);
    const dispatchedAt = (await fx.now()).getTime();
    await fx.dispatchReinspection(open, new Date(dispatchedAt).toISOString());
    const done = { completedAt: new Date(dispatchedAt + 1_000).toISOString() };
    expectHidden(
      await fx.call('POST', `/objections/${openObjection}/procedures-completed`, district, done),
      'objection',
      openObjection,
    );
    await expectEventually(async () =>
      expect(
        (await fx.call('POST', `/objections/${openObjection}/procedures-completed`, city, done)).status,
      ).toBe(200),
    );
    expectHidden(await fx.call('GET', `/batches/${open}/stages`, district), 'batch', open);
    expect((await fx.call('GET', `/batches/${open}/stages`, city)).status).toBe(200);
  });

  it("leaves a foreign batch's alerts out of an officer's list", async () => {
    const of = async (as: Claims, batchNumber: string) =>
      (await fx.call<AlertBody[]>('GET', `/alerts?batchNumber=${batchNumber}`, as)).body;
    expect(await of(officer('330108'), routed)).toEqual([]);
    expect((await of(officer('330110'), routed)).length).toBeGreaterThan(0);
    expect((await of(officer('330100'), routed)).length).toBeGreaterThan(0);
    expect(await of(officer('330108'), open)).toEqual([]);
    expect((await of(officer('330110'), open)).length).toBeGreaterThan(0);
    expect((await of(officer('330100'), open)).length).toBeGreaterThan(0);
    expect((await of(auditor, fujian)).length).toBeGreaterThan(0);
    expect(await of(officer('330100'), fujian)).toEqual([]);
  });

  it("shows a foreign district's officer a credit file without the batches of other districts", async () => {
    const code = seller.unifiedSocialCreditCode!;
    const file = (as: Claims) => fx.call<CreditBody>('GET', `/credit/${code}`, as);
    const staff = await expectEventually(async () => {
      const r = await file(auditor);
      expect(r.body.entries.map((e) => e.batchNumber)).toEqual(expect.arrayContaining([routed, fujian]));
      return r.body;
    });
    expect(staff.failures).toBeGreaterThanOrEqual(2);
    const foreign = await file(officer('330108'));
    expect(foreign.status).toBe(200);
    expect(foreign.body.entries.map((e) => e.batchNumber)).not.toContain(routed);
    expect(foreign.body.entries.map((e) => e.batchNumber)).not.toContain(fujian);
    const district = await file(officer('330110'));
    expect(district.body.entries.map((e) => e.batchNumber)).toContain(routed);
    expect(district.body.entries.map((e) => e.batchNumber)).not.toContain(fujian);
    expect((await file(officer('330100'))).body.entries.map((e) => e.batchNumber)).toContain(routed);
  });
});
