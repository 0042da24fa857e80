import { exampleBatchNumber, exampleClaimedProduct, examplePlatform, exampleSeller } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { ResultPublishedKey } from './key';
import type { ResultPublishedValue } from './value';

export const resultPublishedExample: EventExample<ResultPublishedKey, ResultPublishedValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    publicResultId: 'b1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    kind: 'result',
    sellerName: exampleSeller.name,
    sampleName: exampleClaimedProduct.sampleName,
    claimedBrand: exampleClaimedProduct.brand,
    claimedProducer: exampleClaimedProduct.producerName,
    specModel: exampleClaimedProduct.specModel,
    productionDate: exampleClaimedProduct.productionDate,
    mainNonconformingItems: ['蚕丝含量'],
    verdict: 'fail',
    platformName: examplePlatform.operatorName,
    publishedAt: '2026-04-08T01:00:00.000Z',
  },
};
