import { SamplingDelegated, Topics } from '@qis/contracts';
import { expectEventually, startTestService, type TestService } from '@qis/testing';
import type { PlanningConfig } from '../planning.config';
import { planningService } from '../planning.definition';
import { listingRecord, planCommand, quota, toCsv } from '../test-support/planning-factories';
import { APPROVER, PlanningClient, PLANNER, TopicReader } from '../test-support/planning-client';

interface Delegation {
  id: string;
  matter: string;
  planId: string;
  batchNumber: string | null;
  delegate: { areaCode: string; name: string };
  delegator: { areaCode: string; name: string };
  state: string;
  batches: string[];
  revokedAt: string | null;
  revocationReason: string | null;
}

const CITY_APPROVER = { sub: 'approver-qian', roles: ['approver'] };
const AUDITOR = { sub: 'auditor-sun', roles: ['auditor'] };

/** Delegated sampling (一事一委托): one plan or one batch to a district bureau, recorded, revocable. */
describe('delegated sampling (一事一委托)', () => {
  let service: TestService<PlanningConfig>;
  let client: PlanningClient;
  let reader: TopicReader;
  let n = 0;

  beforeAll(async () => {
    service = await startTestService(planningService);
    client = new PlanningClient(service);
    reader = await TopicReader.start(Topics.SamplingDelegated);
  });
  afterAll(async () => {
    await reader?.stop();
    await service?.stop();
  });

  /** An approved plan of `count` listings of its own category; issued when `issue`. */
  const plan = async (count: number, issue: boolean): Promise<{ id: string; batches: string[] }> => {
    n += 1;
    const category = `delegation-test-${n}`;
    await client.importCsv(
      toCsv(Array.from({ length: count }, (_, i) => listingRecord(`D${n}-${i}`, { category }))),
    );
    const id = await client.approvedPlan(
      planCommand({ scheme: { ...planCommand().scheme, categories: [quota({ category, quota: count })] } }),
    );
    await client.select(id);
    if (!issue) return { id, batches: [] };
    const issued = await client.call<Array<{ batchNumber: string }>>('POST', `/plans/${id}/issue`, PLANNER);
    expect(issued.status).toBe(200);
    return { id, batches: issued.body.map((b) => b.batchNumber) };
  };

  const letter = (over: Record<string, unknown> = {}) => ({
    delegateAreaCode: '330102',
    reference: `杭市监委〔2026〕${n}号`,
    acts: ['sampling', 'notices', 'objections'],
    validUntil: '2099-12-31',
    reason: '平台注册地在上城区，由上城区局就近实施',
    ...over,
  });

  const delegationEvents = (batchNumber: string) =>
    reader.messages.filter((m) => m.key === batchNumber && m.headers['type'] === SamplingDelegated.type);

  it('records a delegation of a plan to a district bureau: who, what, when, scope; every batch is told', async () => {
    const { id, batches } = await plan(2, true);
    const recorded = await client.call<Delegation>('POST', '/delegations', APPROVER, letter({ planId: id }));
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      matter: 'plan',
      planId: id,
      batchNumber: null,
      delegate: { areaCode: '330102', name: '杭州市上城区市场监督管理局' },
      delegator: { areaCode: '330100', name: '杭州市市场监督管理局' },
      acts: ['sampling', 'notices', 'objections'],
      validUntil: '2099-12-31',
      state: 'active',
      recordedBy: APPROVER.sub,
      batches: [...batches].sort(),
    });
    await expectEventually(() => {
      for (const b of batches) expect(delegationEvents(b)).toHaveLength(1);
    });
    expect(delegationEvents(batches[0])[0].value).toMatchObject({
      delegationId: recorded.body.id,
      revision: 1,
      status: 'active',
      batchNumber: batches[0],
      matter: 'plan',
      reference: recorded.body['reference' as keyof Delegation],
      delegate: { areaCode: '330102' },
    });
    const audit = await client.call<{ items: Array<{ action: string; actor: string }> }>(
      'GET',
      `/audit?entityType=delegation&entityId=${recorded.body.id}`,
      AUDITOR,
    );
    expect(audit.body.items.map((e) => `${e.action}:${e.actor}`)).toEqual([
      `delegation.record:${APPROVER.sub}`,
    ]);
    const listed = await client.call<Delegation[]>('GET', `/delegations?batchNumber=${batches[1]}`, PLANNER);
    expect(listed.body.map((d) => d.id)).toEqual([recorded.body.id]);
  });

  it('refuses a second delegation of the same plan, or of one of its batches, while the first stands (409)', async () => {
    const { id, batches } = await plan(1, true);
    const first = await client.call<Delegation>('POST', '/delegations', APPROVER, letter({ planId: id }));
    expect(first.status).toBe(201);
    for (const matter of [{ planId: id }, { batchNumber: batches[0] }]) {
      const second = await client.call<{ rule: string; message: string; delegationId: string }>(
        'POST',
        '/delegations',
        CITY_APPROVER,
        letter({ ...matter, delegateAreaCode: '330106' }),
      );
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ rule: 'one-matter-one-delegation', delegationId: first.body.id });
      expect(second.body.message).toMatch(/一事一委托.*revoke it first/);
    }
    expect((await client.call<Delegation[]>('GET', `/delegations?planId=${id}`, AUDITOR)).body).toHaveLength(
      1,
    );
  });

  it('delegates one batch, then refuses the plan over it; a revocation is recorded, not deleted, and frees the matter', async () => {
    const { id, batches } = await plan(2, true);
    const one = await client.call<Delegation>(
      'POST',
      '/delegations',
      APPROVER,
      letter({ batchNumber: batches[0], acts: ['sampling', 'notices'] }),
    );
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({
      matter: 'batch',
      planId: id,
      batchNumber: batches[0],
      batches: [batches[0]],
    });
    expect((await client.call('POST', '/delegations', APPROVER, letter({ planId: id }))).status).toBe(409);

    const revoked = await client.call<Delegation>(
      'POST',
      `/delegations/${one.body.id}/revocation`,
      APPROVER,
      {
        reason: '委托事项已由市局收回',
      },
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      state: 'revoked',
      revokedBy: APPROVER.sub,
      revocationReason: '委托事项已由市局收回',
    });
    expect(
      (await client.call('POST', `/delegations/${one.body.id}/revocation`, APPROVER, { reason: '再次收回' }))
        .status,
    ).toBe(409);
    await expectEventually(() => {
      expect(delegationEvents(batches[0]).map((m) => m.value['status'])).toEqual(['active', 'revoked']);
    });
    expect(delegationEvents(batches[0])[1].value).toMatchObject({
      revision: 2,
      revocationReason: '委托事项已由市局收回',
      revokedAt: expect.any(String),
    });
    // Kept: the revoked delegation is still listed and readable.
    expect((await client.call<Delegation>('GET', `/delegations/${one.body.id}`, AUDITOR)).body.state).toBe(
      'revoked',
    );
    const again = await client.call<Delegation>('POST', '/delegations', APPROVER, letter({ planId: id }));
    expect(again.status).toBe(201);
    const states = (await client.call<Delegation[]>('GET', `/delegations?planId=${id}`, PLANNER)).body.map(
      (d) => d.state,
    );
    expect(states).toEqual(['active', 'revoked']);
  });

  it('tells the batches issued later from a delegated plan', async () => {
    const { id } = await plan(2, false);
    expect((await client.call('POST', '/delegations', APPROVER, letter({ planId: id }))).status).toBe(201);
    const issued = await client.call<Array<{ batchNumber: string }>>('POST', `/plans/${id}/issue`, PLANNER);
    expect(issued.status).toBe(200);
    await expectEventually(() => {
      for (const b of issued.body) expect(delegationEvents(b.batchNumber)).toHaveLength(1);
    });
  });

  it('names the field of a bad letter: a district outside the city, no sampling, a validity already over (422), bad fields (400)', async () => {
    const { id } = await plan(1, false);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [letter({ planId: id, delegateAreaCode: '330203' }), 422, 'delegateAreaCode'], // 宁波海曙
      [letter({ planId: id, delegateAreaCode: '330100' }), 422, 'delegateAreaCode'], // the city itself
      [letter({ planId: id, acts: ['notices'] }), 422, 'acts'],
      [letter({ planId: id, validUntil: '2020-01-01' }), 422, 'validUntil'],
      [letter({ planId: id, validFrom: '2099-06-01', validUntil: '2099-01-01' }), 422, 'validUntil'],
      [letter({ planId: id, batchNumber: 'HZ2026-000001' }), 422, 'batchNumber'],
      [letter({ planId: id, acts: ['sampling', 'penalties'] }), 400, 'acts'],
      [letter({ planId: id, validUntil: '2099-02-30' }), 400, 'validUntil'],
      [letter({}), 400, 'planId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await client.call<{ message: string | string[] }>('POST', '/delegations', APPROVER, body);
      expect({ field, status: res.status }).toEqual({ field, status });
      expect(JSON.stringify(res.body)).toContain(field);
    }
    expect(
      (await client.call('POST', '/delegations', APPROVER, letter({ batchNumber: 'HZ2026-999999' }))).status,
    ).toBe(404);
  });

  it('lets only an approver delegate or revoke (403 for a planner)', async () => {
    const { id } = await plan(1, false);
    expect((await client.call('POST', '/delegations', PLANNER, letter({ planId: id }))).status).toBe(403);
  });
});
