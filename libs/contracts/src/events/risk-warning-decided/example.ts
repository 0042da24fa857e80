import { exampleBatchNumber, exampleClaimedProduct, examplePlatform, exampleSeller } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { RiskWarningDecidedKey } from './key';
import type { RiskWarningDecidedValue } from './value';

export const riskWarningDecidedExample: EventExample<RiskWarningDecidedKey, RiskWarningDecidedValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    warningId: '0b7c2d9e-4f1a-4c3b-9e8d-7a6b5c4d3e2f',
    revision: 1,
    status: 'issued',
    batchNumber: exampleBatchNumber,
    reportNumber: 'ZJFZ2026-W-01234',
    title: '关于示例牌桑蚕丝被的消费风险警示',
    sampleName: exampleClaimedProduct.sampleName,
    brand: exampleClaimedProduct.brand as string,
    specModel: exampleClaimedProduct.specModel as string,
    producerName: exampleClaimedProduct.producerName as string,
    sellerName: exampleSeller.name,
    platformName: examplePlatform.name,
    failingItems: ['蚕丝含量'],
    risk: '标称100%桑蚕丝，实测桑蚕丝含量不足，掺杂其他纤维，保暖性能和透气性达不到宣称水平。',
    advice: '购买蚕丝被时请查看产品标签和合格证，索要购物凭证；已购买该产品的消费者可向经营者要求退换。',
    issuedBy: '杭州市市场监督管理局',
    issuedAt: '2026-06-10T02:00:00.000Z',
  },
};
