import { ResultFinal, ResultNotified } from '@qis/contracts';
import { expectEventually, startTestService, type TestClaims, type TestService } from '@qis/testing';
import type { DisclosureConfig } from '../disclosure.config';
import { disclosureService } from '../disclosure.definition';
import type { PublicResultView } from '../publication/public-result.view';
import { DisclosureFixture } from '../test-support/disclosure-fixture';
import { publicNoticeNotified, resultFinal } from '../test-support/result-final.factory';

interface Stages {
  batchNumber: string;
  stages: Array<{ stage: string; at: string; actor: string | null; facts: Record<string, unknown> }>;
}

const cityOfficer: TestClaims = {
  roles: ['enforcement-officer'],
  jurisdiction: '330100',
  sub: 'officer-zhao',
};

let service: TestService<DisclosureConfig>;
let fx: DisclosureFixture;

beforeAll(async () => {
  service = await startTestService(disclosureService);
  fx = new DisclosureFixture(service);
}, 120_000);

afterAll(async () => {
  await fx?.stop();
  await service?.stop();
});

const view = (batchNumber: string, claims: TestClaims) =>
  fx.call<Stages & Record<string, unknown>>('GET', `/batches/${batchNumber}/stages`, claims);

describe("disclosure's stages of a batch", () => {
  it('shows each published version with its time and who revised it, and the public notice', async () => {
    await fx.emit(
      ResultFinal,
      'HZ2026-200001',
      resultFinal('HZ2026-200001', { seller: { name: '阶段视图家纺店' } }),
    );
    const [first] = await fx.awaitResults<PublicResultView>(`q=${encodeURIComponent('阶段视图家纺店')}`, 1);
    const corrected = await fx.call<PublicResultView>(
      'POST',
      `/publications/${first?.id}/corrections`,
      cityOfficer,
      {
        reason: '生产日期录入错误',
        productionDate: '2025-10-02',
      },
    );
    expect(corrected.status).toBe(201);
    await fx.emit(ResultNotified, 'HZ2026-200001', publicNoticeNotified('HZ2026-200001'));

    const reply = await expectEventually(async () => {
      const res = await view('HZ2026-200001', { roles: ['planner'], sub: 'planner-li' });
      expect(res.status).toBe(200);
      expect(res.body.stages).toHaveLength(3);
      return res.body;
    });
    expect(reply.batchNumber).toBe('HZ2026-200001');
    expect(reply.stages.map((s) => s.stage)).toEqual(['published', 'published', 'published']);
    expect(reply.stages.map((s) => s.at)).toEqual(reply.stages.map((s) => s.at).sort());
    const [result, correction, notice] = reply.stages;
    expect(result).toMatchObject({
      actor: null,
      facts: {
        publication: 'result',
        publicResultId: first?.id,
        version: 1,
        current: false,
        verdict: 'fail',
        sellerName: '阶段视图家纺店',
        mainNonconformingItems: ['蚕丝含量'],
      },
    });
    expect(correction).toMatchObject({
      actor: 'officer-zhao',
      facts: {
        publication: 'correction',
        publicResultId: corrected.body.id,
        version: 2,
        current: true,
        supersedes: first?.id,
        reason: '生产日期录入错误',
      },
    });
    expect(notice).toMatchObject({
      actor: null,
      facts: { publication: 'public-notice', reportNumber: expect.any(String), verdict: 'fail' },
    });
    for (const s of reply.stages) expect(new Date(s.at).toISOString()).toBe(s.at);
    for (const roles of [['approver'], ['auditor'], ['admin']])
      expect((await view('HZ2026-200001', { roles })).status).toBe(200);
  });

  it('answers 404 for a batch with nothing published and 403 to roles with no business here', async () => {
    const missing = await view('HZ1999-999999', { roles: ['auditor'] });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, message: 'batch HZ1999-999999 not found' });
    await fx.emit(
      ResultFinal,
      'HZ2026-200002',
      resultFinal('HZ2026-200002', { seller: { name: '阶段视图二店' } }),
    );
    await fx.awaitResults(`q=${encodeURIComponent('阶段视图二店')}`, 1);
    for (const claims of [
      { roles: ['platform'], platformId: 'taobao' },
      cityOfficer,
      { roles: ['lab'], labId: 'L001' },
      { roles: ['buyer'] },
    ])
      expect((await view('HZ2026-200002', claims)).status).toBe(403);
    expect((await view('HZ2026-200002', { roles: ['planner'] })).status).toBe(200);
  });
});
