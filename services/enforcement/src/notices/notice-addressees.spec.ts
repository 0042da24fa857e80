import { OrderPlaced, ReportIssued, SampleSealed } from '@qis/contracts';
import type { OrderPlacedValue, ReportIssuedValue, SampleSealedValue } from '@qis/contracts';
import { BatchFile } from '../kernel/batch-file.entity';
import { resultAddressees, samplingAddressees } from './notice-addressees';

// Seed 003 §5: the sampling notice goes to the seller (网络商品经营者), and the platform operator when
// bought on a platform. §6: the result notice goes to the seller; a failed result also to the
// producer the sample names (样品标称的生产者); the platform when bought on one; a party whose address
// is unknown gets a public notice (公告通知). The re-inspection result goes to the applicant and the
// platform. No server: plain objects in, addressees out.

function batch(over: {
  order?: Partial<OrderPlacedValue> | null;
  sealed?: Partial<SampleSealedValue> | null;
}): BatchFile {
  const file = new BatchFile();
  file.batchNumber = OrderPlaced.example.value.batchNumber;
  file.order = over.order === null ? null : { ...OrderPlaced.example.value, ...over.order };
  file.sealed = over.sealed === null ? null : { ...SampleSealed.example.value, ...over.sealed };
  return file;
}

function report(over: Partial<ReportIssuedValue>): ReportIssuedValue {
  return { ...ReportIssued.example.value, ...over };
}

const none = new Set<'seller' | 'producer'>();
const seller = OrderPlaced.example.value.seller;
const platform = OrderPlaced.example.value.platform!;
const claimed = SampleSealed.example.value.claimed;

const toSeller = {
  recipient: 'seller',
  name: seller.name,
  address: seller.registeredAddress,
  channel: 'post',
};
const toProducer = {
  recipient: 'producer',
  name: claimed.producerName,
  address: claimed.producerAddress,
  channel: 'post',
};
const toPlatform = {
  recipient: 'platform',
  name: platform.operatorName,
  address: platform.url,
  channel: 'platform-message',
};

describe('sampling notice addressees (seed 003 §5)', () => {
  it('notifies the seller by post and copies the platform operator', () => {
    expect(samplingAddressees(batch({}))).toEqual([toSeller, toPlatform]);
  });

  it('notifies the seller alone when the sample was not bought on a platform', () => {
    expect(samplingAddressees(batch({ order: { platform: undefined } }))).toEqual([toSeller]);
  });

  it('uses the platform message when the seller has no registered address', () => {
    const to = samplingAddressees(batch({ order: { seller: { ...seller, registeredAddress: undefined } } }));
    expect(to[0]).toEqual({
      recipient: 'seller',
      name: seller.name,
      address: null,
      channel: 'platform-message',
    });
  });

  it('has nobody to notify before the order is on file', () => {
    expect(samplingAddressees(batch({ order: null }))).toEqual([]);
  });
});

describe('result notice addressees (seed 003 §6)', () => {
  it('sends a failed result to the seller, the named producer and the platform', () => {
    expect(resultAddressees(batch({}), report({ verdict: 'fail' }), none)).toEqual([
      toSeller,
      toProducer,
      toPlatform,
    ]);
  });

  it('does not notify the producer of a passed result', () => {
    expect(resultAddressees(batch({}), report({ verdict: 'pass', failingItems: [] }), none)).toEqual([
      toSeller,
      toPlatform,
    ]);
  });

  it('notifies no producer when the label names none (three-no product)', () => {
    const threeNo = batch({
      sealed: { claimed: { ...claimed, producerName: undefined, producerAddress: undefined } },
    });
    expect(resultAddressees(threeNo, report({ verdict: 'fail' }), none)).toEqual([toSeller, toPlatform]);
  });

  it('leaves out the platform when the sample was not bought on one', () => {
    expect(
      resultAddressees(batch({ order: { platform: undefined } }), report({ verdict: 'fail' }), none),
    ).toEqual([toSeller, toProducer]);
  });

  it('gives a party with an unknown address a public notice', () => {
    const unknown = batch({
      order: { seller: { ...seller, registeredAddress: undefined } },
      sealed: { claimed: { ...claimed, producerAddress: undefined } },
    });
    expect(resultAddressees(unknown, report({ verdict: 'fail' }), none)).toEqual([
      { recipient: 'seller', name: seller.name, address: null, channel: 'public-notice' },
      { recipient: 'producer', name: claimed.producerName, address: null, channel: 'public-notice' },
      toPlatform,
    ]);
  });

  it('has nobody to notify before the order and the sealed sample are on file', () => {
    expect(resultAddressees(batch({ order: null }), report({}), none)).toEqual([]);
    expect(resultAddressees(batch({ sealed: null }), report({}), none)).toEqual([]);
  });
});

describe('re-inspection result addressees (seed 003 §6, 复检结果的通知)', () => {
  const reinspection = report({ purpose: 're-inspection', verdict: 'fail' });

  it('notifies the producer who applied, and the platform, not the seller', () => {
    expect(resultAddressees(batch({}), reinspection, new Set(['producer'] as const))).toEqual([
      toProducer,
      toPlatform,
    ]);
  });

  it('notifies the seller who applied, and not the producer even on a failed result', () => {
    expect(resultAddressees(batch({}), reinspection, new Set(['seller'] as const))).toEqual([
      toSeller,
      toPlatform,
    ]);
  });

  it('notifies both applicants when both applied', () => {
    expect(resultAddressees(batch({}), reinspection, new Set(['seller', 'producer'] as const))).toEqual([
      toSeller,
      toProducer,
      toPlatform,
    ]);
  });

  it('falls back to the seller when no applicant is on file', () => {
    expect(resultAddressees(batch({}), reinspection, none)).toEqual([toSeller, toPlatform]);
  });
});
