import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client';
import type { evidence, purchasing } from '../../api/generated';

export type Buyer = purchasing.components['schemas']['BuyerView'];
export type BuyerIdentity = purchasing.components['schemas']['BuyerIdentityView'];
export type ShoppingAccount = purchasing.components['schemas']['ShoppingAccountView'];
export type Address = purchasing.components['schemas']['AddressView'];
export type BlacklistEntry = purchasing.components['schemas']['BlacklistEntryView'];
export type Task = purchasing.components['schemas']['TaskView'];
export type KeyRotation = purchasing.components['schemas']['KeyRotationView'];
export type EvidenceObject = evidence.components['schemas']['EvidenceObjectView'];
export type ViewTicket = evidence.components['schemas']['DownloadTicket'];
export type CustodyTrail = evidence.components['schemas']['CustodyTrail'];
export type CustodyReport = evidence.components['schemas']['CustodyReport'];

/** A 4xx will not change on retry (404 is the answer for what one may not see). */
export const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

/** Yuan from fen, two decimals. */
export const yuan = (fen: number | null | undefined): string =>
  typeof fen === 'number' ? `¥${(fen / 100).toFixed(2)}` : '—';

/** The unit price a buyer recorded, if any. */
export const unitPriceOf = (task: Task): number | undefined => {
  const purchase = task.purchase as { unitPriceFen?: number } | null;
  return purchase?.unitPriceFen;
};

/** Tasks of one status, the nearest purchase deadline first. */
export function useTasks(status: Task['status']) {
  return useQuery({
    queryKey: ['purchasing-admin', 'tasks', status],
    queryFn: async () => {
      const tasks = await unwrap(api.purchasing.GET('/tasks', { params: { query: { status } } }));
      return [...tasks].sort((a, b) => a.purchaseDueAt.localeCompare(b.purchaseDueAt));
    },
    retry,
  });
}
