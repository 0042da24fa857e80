import { missingEvidence } from './evidence-package-check';

const id = '9d1e6f0a-2b3c-4d5e-8f90-a1b2c3d4e5f6';

describe('missingEvidence', () => {
  it('lists every mandatory item of an empty package', () => {
    expect(missingEvidence([]).map((e) => e.field)).toEqual([
      'evidence.purchase-screen-recording',
      'evidence.order-screenshot',
      'evidence.chat-screenshot',
      'evidence.listing-snapshot',
      'evidence.product-claim-photo',
      'evidence.payment-proof',
    ]);
  });

  it('accepts a package holding each kind at least once', () => {
    expect(
      missingEvidence(
        (
          [
            'purchase-screen-recording',
            'order-screenshot',
            'chat-screenshot',
            'listing-snapshot',
            'product-claim-photo',
            'payment-proof',
          ] as const
        ).map((kind) => ({ kind, objectId: id })),
      ),
    ).toEqual([]);
  });
});
