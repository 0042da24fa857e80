import { exampleListing, exampleSeller } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { ComplaintReceivedKey } from './key';
import type { ComplaintReceivedValue } from './value';

export const complaintReceivedExample: EventExample<ComplaintReceivedKey, ComplaintReceivedValue> = {
  key: { source: 'taobao', complaintId: 'TS20260211-88812' },
  value: {
    source: 'taobao',
    complaintId: 'TS20260211-88812',
    kind: 'complaint',
    platform: 'taobao',
    listingId: exampleListing.platformListingId,
    listingUrl: exampleListing.url,
    sellerName: exampleSeller.name,
    sellerUnifiedSocialCreditCode: exampleSeller.unifiedSocialCreditCode,
    category: 'silk-quilt',
    brand: '示例',
    summary: '标称100%桑蚕丝，实际疑似掺入化纤',
    receivedAt: '2026-02-11T03:15:00.000Z',
  },
};
