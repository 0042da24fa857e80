import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client';
import type { purchasing } from '../../api/generated';

export type Task = purchasing.components['schemas']['TaskView'];
export type Delivery = purchasing.components['schemas']['DeliveryView'];
export type PurchaseRecord = purchasing.components['schemas']['PurchaseRecordCommand'];
export type EvidenceItem = purchasing.components['schemas']['EvidenceItem'];
export type PackageKind = EvidenceItem['kind'];
export type TaskStatus = Task['status'];

/** The purchase evidence package's kinds, in the order the buyer makes them. */
export const PACKAGE_KINDS: readonly PackageKind[] = [
  'purchase-screen-recording',
  'listing-snapshot',
  'chat-screenshot',
  'order-screenshot',
  'payment-proof',
  'product-claim-photo',
];

/** Kinds of which a buyer usually has several files. */
export const SEVERAL: ReadonlySet<PackageKind> = new Set(['chat-screenshot', 'product-claim-photo']);

/** Not retried: a 404 is the answer (another buyer's task reads as unknown), a 4xx will not change. */
const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

/** The signed-in buyer's tasks, the nearest purchase deadline first. */
export function useMyTasks() {
  return useQuery({
    queryKey: ['buyer', 'tasks'],
    queryFn: async () => {
      const tasks = await unwrap(api.purchasing.GET('/tasks', {}));
      return [...tasks].sort(
        (a, b) =>
          a.purchaseDueAt.localeCompare(b.purchaseDueAt) || a.batchNumber.localeCompare(b.batchNumber),
      );
    },
  });
}

export function useTask(batchNumber: string) {
  return useQuery({
    queryKey: ['buyer', 'task', batchNumber],
    retry,
    queryFn: () => unwrap(api.purchasing.GET('/tasks/{batchNumber}', { params: { path: { batchNumber } } })),
  });
}

/** The account and address to order with: decrypted by the service for this task's buyer only. */
export function useDelivery(batchNumber: string, enabled: boolean) {
  return useQuery({
    queryKey: ['buyer', 'delivery', batchNumber],
    enabled,
    retry,
    staleTime: 5 * 60_000,
    queryFn: () =>
      unwrap(api.purchasing.GET('/tasks/{batchNumber}/delivery', { params: { path: { batchNumber } } })),
  });
}

export const isOverdue = (task: Pick<Task, 'purchaseDueAt' | 'status'>, now = Date.now()): boolean =>
  ['assigned', 'awaiting-price-approval'].includes(task.status) && Date.parse(task.purchaseDueAt) < now;
