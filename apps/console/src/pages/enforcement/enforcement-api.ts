import { useQuery } from '@tanstack/react-query';
import { api, ApiError, authorizedHeaders, errorOf, unwrap } from '../../api/client';
import type { enforcement } from '../../api/generated';
import type { enforcementZhCN } from '../../i18n/enforcement-messages';

type Schemas = enforcement.components['schemas'];
export type Deadline = Schemas['DeadlineView'];
export type Notice = Schemas['NoticeView'];
export type Objection = Schemas['ObjectionView'];
export type Materials = Schemas['ObjectionMaterials'];
export type LabNotice = Schemas['ReinspectionLabNoticeView'];
export type NoticeState = NonNullable<enforcement.operations['listNotices']['parameters']['query']>['state'];
export type ObjectionStatusFilter = NonNullable<
  enforcement.operations['listObjections']['parameters']['query']
>['status'];

/** Not found is final: no retry (a foreign district's record answers 404 like an unknown one). */
const retry = (n: number, e: unknown) => !(e instanceof ApiError && e.status < 500) && n < 2;

export function useDeadlines(due: 'soon' | 'all') {
  return useQuery({
    queryKey: ['enforcement', 'deadlines', due],
    queryFn: () => unwrap(api.enforcement.GET('/deadlines', { params: { query: { due } } })),
  });
}

export function useNotices(filter: { state?: NoticeState; batchNumber?: string; page: number }) {
  return useQuery({
    queryKey: ['enforcement', 'notices', filter],
    queryFn: () =>
      unwrap(
        api.enforcement.GET('/notices', {
          params: {
            query: {
              page: filter.page,
              pageSize: 20,
              ...(filter.state ? { state: filter.state } : {}),
              ...(filter.batchNumber ? { batchNumber: filter.batchNumber } : {}),
            },
          },
        }),
      ),
  });
}

export function useNotice(id: string) {
  return useQuery({
    queryKey: ['enforcement', 'notice', id],
    retry,
    queryFn: () => unwrap(api.enforcement.GET('/notices/{id}', { params: { path: { id } } })),
    // A notice is delivered only once its PDF is stored: refreshed until it is.
    refetchInterval: (q) =>
      q.state.data && !q.state.data.evidenceObjectId && q.state.data.channel !== 'public-notice'
        ? 5_000
        : false,
  });
}

/** The notice's PDF (fetched with the officer's token). */
export async function noticePdf(id: string): Promise<Blob> {
  const res = await fetch(`/api/enforcement/notices/${encodeURIComponent(id)}/pdf`, {
    headers: await authorizedHeaders(),
  });
  if (!res.ok) throw errorOf(res.status, await res.json().catch(() => null));
  return res.blob();
}

export function useObjections(filter: {
  status?: ObjectionStatusFilter;
  batchNumber?: string;
  page: number;
}) {
  return useQuery({
    queryKey: ['enforcement', 'objections', filter],
    queryFn: () =>
      unwrap(
        api.enforcement.GET('/objections', {
          params: {
            query: {
              page: filter.page,
              pageSize: 20,
              ...(filter.status ? { status: filter.status } : {}),
              ...(filter.batchNumber ? { batchNumber: filter.batchNumber } : {}),
            },
          },
        }),
      ),
  });
}

export function useObjection(id: string) {
  return useQuery({
    queryKey: ['enforcement', 'objection', id],
    retry,
    queryFn: () => unwrap(api.enforcement.GET('/objections/{id}', { params: { path: { id } } })),
  });
}

/** An objection's 《复检机构确定通知书》, refreshed while a PDF is still being stored. */
export function useLabNotices(objectionId: string) {
  return useQuery({
    queryKey: ['enforcement', 'lab-notices', objectionId],
    retry,
    queryFn: () =>
      unwrap(api.enforcement.GET('/objections/{id}/lab-notices', { params: { path: { id: objectionId } } })),
    refetchInterval: (q) => (q.state.data?.some((n) => !n.evidenceObjectId) ? 5_000 : false),
  });
}

/** A 《复检机构确定通知书》's delivery state. */
export function labNoticeState(
  n: LabNotice,
): 'unsent' | 'awaiting-receipt' | 'receipt-pending' | 'received' | 'failed' {
  if (n.receivedAt) return 'received';
  if (n.receiptPendingAt) return 'receipt-pending';
  if (n.deliveryFailedAt && (!n.sentAt || n.sentAt <= n.deliveryFailedAt)) return 'failed';
  if (n.sentAt) return 'awaiting-receipt';
  return 'unsent';
}

/** The 《复检机构确定通知书》 as a PDF (fetched with the officer's token). */
export async function labNoticePdf(id: string): Promise<Blob> {
  const res = await fetch(`/api/enforcement/reinspection-lab-notices/${encodeURIComponent(id)}/pdf`, {
    headers: await authorizedHeaders(),
  });
  if (!res.ok) throw errorOf(res.status, await res.json().catch(() => null));
  return res.blob();
}

/** A notice's delivery state, as the list filters it. */
export function noticeState(n: Notice): keyof typeof enforcementZhCN.states {
  if (n.withdrawnAt) return 'withdrawn';
  if (n.channel === 'public-notice') return 'public-notice';
  if (n.deliveryFailedAt) return 'failed';
  if (n.receivedAt) return 'received';
  if (n.receiptPendingAt) return 'receipt-pending';
  if (n.sentAt) return 'awaiting-receipt';
  return 'unsent';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` value (Beijing time, to the minute) for an instant. */
export function beijingInput(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A `datetime-local` value read as Beijing time, as the UTC instant the API wants. */
export function fromBeijingInput(value: string): string {
  return new Date(`${value}:00+08:00`).toISOString();
}

/** The objection's materials checklist as a PDF (fetched with the officer's token). */
export async function objectionChecklistPdf(id: string): Promise<Blob> {
  const res = await fetch(`/api/enforcement/objections/${encodeURIComponent(id)}/materials/pdf`, {
    headers: await authorizedHeaders(),
  });
  if (!res.ok) throw errorOf(res.status, await res.json().catch(() => null));
  return res.blob();
}
