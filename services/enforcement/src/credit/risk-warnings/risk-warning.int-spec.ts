import {
  ResultFinal,
  RiskWarningDecided,
  unifiedSocialCreditCheckCharacter,
  type ResultFinalValue,
  type RiskWarningDecidedValue,
} from '@qis/contracts';
import {
  createTestDatabase,
  expectEventually,
  freePort,
  spawnService,
  TestIssuer,
  waitForReady,
  type ServiceProcess,
} from '@qis/testing';
import {
  EnforcementFixture,
  orderPlacedExample,
  sampleSealedExample,
} from '../../testing/enforcement-fixture';

jest.setTimeout(240_000);

interface WarningBody {
  id: string;
  status: string;
  title: string;
  producerName: string | null;
  producerUnifiedSocialCreditCode: string | null;
  failingItems: string[];
  withdrawalReason: string | null;
}
interface PublicWarning {
  id: string;
  status: string;
  title: string;
  sampleName: string;
  producerName: string | null;
  producerUnifiedSocialCreditCode: string | null;
  failingItems: string[];
  risk: string;
  advice: string;
  issuedBy: string;
  withdrawalReason: string | null;
}
interface PublicPage {
  items: PublicWarning[];
  total: number;
}
interface DeadLetters {
  topics: Array<{ topic: string; letters: Array<{ key: string | null; errorKind: string | null }> }>;
}

const city = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-330100' };
const secondCity = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-330100-b' };
const binjiang = { roles: ['enforcement-officer'], jurisdiction: '330108', sub: 'officer-330108' };
const discloser = { roles: ['disclosure-officer'], sub: 'disclosure-wang' };
const producerCode = `91330602MA2D7K8P1${unifiedSocialCreditCheckCharacter('91330602MA2D7K8P1')}`;
const proposal = {
  risk: '标称100%桑蚕丝，实测蚕丝含量不足，保暖性和透气性达不到宣称水平。',
  advice: '购买蚕丝被时请查看标签和合格证，保留购物凭证；已购买的消费者可要求经营者退换。',
};

/**
 * A risk warning crosses the real Kafka from enforcement (in this process) to disclosure, running
 * as its own built process on its own database: issued once approved by a second person, on the
 * public page exactly once, taken down by a withdrawal with its reason.
 */
describe('consumer risk warnings (消费风险警示) from the bureau to the public page', () => {
  let disclosure: ServiceProcess;
  let disclosureDb: { name: string; drop(): Promise<void> };
  let fx: EnforcementFixture;
  // A 余杭区 platform sale: a 滨江区 officer must not see it.
  const failed = 'HZ2026-960001';
  const pending = 'HZ2026-960002';

  const publicGet = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${disclosure.url}${path}`, { headers: { accept: 'application/json' } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    disclosureDb = await createTestDatabase('disclosure');
    disclosure = spawnService('disclosure', {
      DB_NAME: disclosureDb.name,
      HTTP_PORT: String(await freePort()),
    });
    fx = await EnforcementFixture.start();
    await waitForReady(disclosure);
    await fx.batch(failed, {
      order: { platform: { ...orderPlacedExample.value.platform!, operatorRegisteredAreaCode: '330110' } },
      sealed: {
        claimed: { ...sampleSealedExample.value.claimed, producerUnifiedSocialCreditCode: producerCode },
      },
    });
    await fx.deliverAll(failed);
    await fx.windowsRunOut();
    await expectEventually(async () =>
      expect(await fx.published<ResultFinalValue>(ResultFinal, failed)).toEqual([
        expect.objectContaining({ verdict: 'fail' }),
      ]),
    );
    // Reported but not final (its objection window has not run out).
    await fx.batch(pending);
  });

  afterAll(async () => {
    await fx?.stop();
    await disclosure?.stop();
    await disclosureDb?.drop();
  });

  it('refuses a warning for a batch whose result is not final and failed (409), and bad input naming the field', async () => {
    await expectEventually(async () => {
      const res = await fx.call<{ message: string }>(
        'POST',
        `/batches/${pending}/risk-warnings`,
        city,
        proposal,
      );
      expect(res.status).toBe(409);
    });
    const short = await fx.call<{ errors: Array<{ field: string }> }>(
      'POST',
      `/batches/${failed}/risk-warnings`,
      city,
      { ...proposal, risk: '有风险' },
    );
    expect(short.status).toBe(400);
    expect(short.body.errors[0]?.field).toBe('risk');
  });

  it('hides a foreign district’s batch and warning from a 滨江区 officer (404, empty list)', async () => {
    const foreign = await fx.call('POST', `/batches/${failed}/risk-warnings`, binjiang, proposal);
    expect(foreign.status).toBe(404);
  });

  it('issues a warning only on a second person’s approval, publishes it once on the public page, and withdraws it with a reason', async () => {
    const proposed = await fx.call<WarningBody>('POST', `/batches/${failed}/risk-warnings`, city, proposal);
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      status: 'proposed',
      title: '关于示例牌桑蚕丝被的消费风险警示',
      producerName: sampleSealedExample.value.claimed.producerName,
      producerUnifiedSocialCreditCode: producerCode,
      failingItems: ['蚕丝含量'],
    });
    const id = proposed.body.id;
    // One warning at a time per batch.
    expect((await fx.call('POST', `/batches/${failed}/risk-warnings`, city, proposal)).status).toBe(409);
    // The foreign officer: 404 on the warning, nothing in the list.
    expect((await fx.call('GET', `/risk-warnings/${id}`, binjiang)).status).toBe(404);
    expect((await fx.call<WarningBody[]>('GET', '/risk-warnings', binjiang)).body).toEqual([]);
    expect((await fx.call('POST', `/risk-warnings/${id}/decision`, binjiang, { approve: true })).status).toBe(
      404,
    );

    // Four eyes: the proposer may not issue it; a rejection must say why.
    const self = await fx.call<{ rule: string }>('POST', `/risk-warnings/${id}/decision`, city, {
      approve: true,
    });
    expect(self.status).toBe(409);
    expect(self.body.rule).toBe('four-eyes');
    const noReason = await fx.call<{ errors: Array<{ field: string }> }>(
      'POST',
      `/risk-warnings/${id}/decision`,
      secondCity,
      { approve: false },
    );
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0]?.field).toBe('reason');
    expect(await fx.published(RiskWarningDecided, failed)).toEqual([]);

    const issued = await fx.call<WarningBody>('POST', `/risk-warnings/${id}/decision`, discloser, {
      approve: true,
    });
    expect(issued.status).toBe(200);
    expect(issued.body.status).toBe('issued');
    const page = await expectEventually(
      async () => {
        const found = await publicGet<PublicPage>('/public/risk-warnings');
        expect(found.items.map((w) => w.id)).toEqual([id]);
        return found;
      },
      { timeoutMs: 30_000 },
    );
    expect(page.items[0]).toMatchObject({
      status: 'issued',
      sampleName: '桑蚕丝被',
      producerName: '湖州示例丝绸有限公司',
      producerUnifiedSocialCreditCode: producerCode,
      failingItems: ['蚕丝含量'],
      risk: proposal.risk,
      advice: proposal.advice,
      issuedBy: '杭州市市场监督管理局',
    });

    // In the open data too, while in force.
    const csv = await (await fetch(`${disclosure.url}/open-data/risk-warnings.csv?header=zh`)).text();
    expect(csv.split('\r\n')[0]).toContain('标称生产者');
    expect(csv).toContain(`${id},关于示例牌桑蚕丝被的消费风险警示`);
    expect(csv).toContain(producerCode);

    // The same decision delivered again (another message id): still one warning, unchanged.
    const [event] = await fx.published<RiskWarningDecidedValue>(RiskWarningDecided, failed);
    await fx.emit(RiskWarningDecided, failed, event as RiskWarningDecidedValue);
    const withdrawn = await fx.call<WarningBody>('POST', `/risk-warnings/${id}/withdrawal`, discloser, {
      reason: '生产者已召回全部批次产品，经核查整改到位',
    });
    expect(withdrawn.status).toBe(200);
    await expectEventually(
      async () => {
        expect((await publicGet<PublicPage>('/public/risk-warnings')).total).toBe(0);
        const gone = await publicGet<PublicPage>('/public/risk-warnings?status=withdrawn');
        expect(gone.items).toEqual([
          expect.objectContaining({
            id,
            status: 'withdrawn',
            withdrawalReason: '生产者已召回全部批次产品，经核查整改到位',
          }),
        ]);
      },
      { timeoutMs: 30_000 },
    );
    expect(await (await fetch(`${disclosure.url}/open-data/risk-warnings.csv`)).text()).not.toContain(id);
    // The older revision arriving late does not put it back.
    await fx.emit(RiskWarningDecided, failed, event as RiskWarningDecidedValue);
    const again = await fx.call<WarningBody>('POST', `/risk-warnings/${id}/withdrawal`, discloser, {
      reason: '重复撤回',
    });
    expect(again.status).toBe(409);
    expect(await publicGet<PublicWarning>(`/public/risk-warnings/${id}`)).toMatchObject({
      status: 'withdrawn',
    });
    expect(
      (await fx.published(RiskWarningDecided, failed)).map((e) => (e as { status: string }).status),
    ).toEqual(['issued', 'withdrawn']);
  });

  it('sends a risk-warning event that fails validation to the dead-letter topic', async () => {
    const bad = { ...RiskWarningDecided.example.value, batchNumber: pending, risk: '' };
    await fx.emit(RiskWarningDecided, pending, bad);
    const admin = await TestIssuer.shared().headers({ roles: ['admin'], sub: 'admin-test' });
    await expectEventually(
      async () => {
        const res = await fetch(`${disclosure.url}/ops/dead-letters`, { headers: admin });
        const body = (await res.json()) as DeadLetters;
        const topic = body.topics.find((t) => t.topic === RiskWarningDecided.topic);
        expect(topic?.letters).toEqual([expect.objectContaining({ key: pending })]);
      },
      { timeoutMs: 30_000 },
    );
    expect((await publicGet<PublicPage>('/public/risk-warnings?status=withdrawn')).total).toBe(1);
  });
});
