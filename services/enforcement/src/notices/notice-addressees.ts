import type { NoticeChannel, NoticeRecipient, ReportIssuedValue } from '@qis/contracts';
import type { BatchFile } from '../kernel/batch-file.entity';

/** Who a notice goes to, and how. */
export interface Addressee {
  recipient: NoticeRecipient;
  name: string;
  /** Null: unknown, so the notice becomes a public notice (公告通知). */
  address: string | null;
  channel: NoticeChannel;
}

/** The sampling notice goes to the seller, and the platform when bought on one. */
export function samplingAddressees(batch: BatchFile): Addressee[] {
  const order = batch.order;
  if (!order) return [];
  const out: Addressee[] = [
    {
      recipient: 'seller',
      name: order.seller.name,
      address: order.seller.registeredAddress ?? null,
      channel: order.seller.registeredAddress ? 'post' : 'platform-message',
    },
  ];
  if (order.platform) {
    out.push({
      recipient: 'platform',
      name: order.platform.operatorName,
      address: order.platform.url,
      channel: 'platform-message',
    });
  }
  return out;
}

/**
 * A result notice goes to the seller, the claimed producer if failed, and the platform; a
 * re-inspection result to the applicant(s) (`applicantRoles`; the seller when none is on file) and
 * the platform. A party without a known address gets a public notice.
 */
export function resultAddressees(
  batch: BatchFile,
  report: ReportIssuedValue,
  applicantRoles: ReadonlySet<'seller' | 'producer'>,
): Addressee[] {
  const order = batch.order;
  const sealed = batch.sealed;
  if (!order || !sealed) return [];
  const seller: Addressee = order.seller.registeredAddress
    ? {
        recipient: 'seller',
        name: order.seller.name,
        address: order.seller.registeredAddress,
        channel: 'post',
      }
    : { recipient: 'seller', name: order.seller.name, address: null, channel: 'public-notice' };
  const platform: Addressee[] = order.platform
    ? [
        {
          recipient: 'platform',
          name: order.platform.operatorName,
          address: order.platform.url,
          channel: 'platform-message',
        },
      ]
    : [];
  if (report.purpose === 're-inspection') {
    const out: Addressee[] = [];
    if (applicantRoles.size === 0 || applicantRoles.has('seller')) out.push(seller);
    if (applicantRoles.has('producer')) out.push(...producer(batch));
    return [...out, ...platform];
  }
  return [seller, ...(report.verdict === 'fail' ? producer(batch) : []), ...platform];
}

/** The claimed producer; a three-no product names none, so there is nobody to notify. */
function producer(batch: BatchFile): Addressee[] {
  const claimed = batch.sealed?.claimed;
  if (!claimed?.producerName) return [];
  return [
    claimed.producerAddress
      ? {
          recipient: 'producer',
          name: claimed.producerName,
          address: claimed.producerAddress,
          channel: 'post',
        }
      : { recipient: 'producer', name: claimed.producerName, address: null, channel: 'public-notice' },
  ];
}
