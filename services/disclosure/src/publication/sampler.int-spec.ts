import { ResultFinal } from '@qis/contracts';
import { startTestService, type TestService } from '@qis/testing';
import type { DisclosureConfig } from '../disclosure.config';
import { disclosureService } from '../disclosure.definition';
import { DisclosureFixture } from '../test-support/disclosure-fixture';
import { resultFinal } from '../test-support/result-final.factory';
import type { PublicResultDetailView, PublicResultView } from './public-result.view';

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

const published = async (sellerName: string): Promise<PublicResultView> => {
  const [found] = await fx.awaitResults<PublicResultView>(`q=${encodeURIComponent(sellerName)}`, 1);
  return found as PublicResultView;
};

/** The public result names who sampled (一事一委托: a district bureau, on the city bureau's delegation). */
describe('who sampled, on the public result', () => {
  it('names the district bureau and the delegating authority when the batch was delegated', async () => {
    await fx.emit(
      ResultFinal,
      'HZ2026-100201',
      resultFinal('HZ2026-100201', {
        seller: { name: '杭州委托抽检家纺有限公司' },
        delegation: {
          delegate: { areaCode: '330102', name: '杭州市上城区市场监督管理局' },
          delegator: { areaCode: '330100', name: '杭州市市场监督管理局' },
          reference: '杭市监委〔2026〕88号',
        },
      }),
    );
    const result = await published('杭州委托抽检家纺有限公司');
    expect(result.sampledBy).toBe('杭州市上城区市场监督管理局（受杭州市市场监督管理局委托）');
    const detail = await fx.call<PublicResultDetailView>('GET', `/public/results/${result.id}`);
    expect(detail.body.current.sampledBy).toBe('杭州市上城区市场监督管理局（受杭州市市场监督管理局委托）');
    // The letter's number is the bureau's business, not the public's.
    expect(JSON.stringify(detail.body)).not.toContain('杭市监委');
  });

  it('names the bureau itself when it sampled', async () => {
    await fx.emit(
      ResultFinal,
      'HZ2026-100202',
      resultFinal('HZ2026-100202', { seller: { name: '杭州自行抽检家纺有限公司' } }),
    );
    expect((await published('杭州自行抽检家纺有限公司')).sampledBy).toBe('杭州市市场监督管理局');
  });

  it('keeps who sampled through a correction', async () => {
    const result = await published('杭州委托抽检家纺有限公司');
    const corrected = await fx.call<PublicResultView>(
      'POST',
      `/publications/${result.id}/corrections`,
      { roles: ['disclosure-officer'], sub: 'disclosure-he' },
      { specModel: '200cm×230cm 2.0kg', reason: '规格型号录入有误' },
    );
    expect(corrected.status).toBe(201);
    expect(corrected.body.sampledBy).toBe('杭州市上城区市场监督管理局（受杭州市市场监督管理局委托）');
  });
});
