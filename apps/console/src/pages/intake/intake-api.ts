import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { evidence } from '../../api/generated';

export type Parcel = evidence.components['schemas']['ParcelView'];
export type ExpectedParcel = evidence.components['schemas']['ExpectedParcelView'];
export type SessionSummary = evidence.components['schemas']['UnpackingSessionView'];
export type SessionDetail = evidence.components['schemas']['UnpackingSessionDetailView'];
export type ClaimedProduct = evidence.components['schemas']['ClaimedProduct'];

/** Carriers the intake room sees most (the field also takes any other name). */
export const CARRIERS = [
  '顺丰速运',
  '中通快递',
  '圆通速递',
  '申通快递',
  '韵达快递',
  '京东物流',
  '中国邮政 EMS',
  '极兔速递',
];

export function useExpectedParcels() {
  return useQuery({
    queryKey: ['intake', 'expected'],
    queryFn: () =>
      unwrap(api.evidence.GET('/intake/expected-parcels', { params: { query: { page: 1, pageSize: 100 } } })),
  });
}

export function useParcels(
  status: 'admitted' | 'quarantined' | 'rejected' | undefined,
  unpacked?: 'true' | 'false',
) {
  return useQuery({
    queryKey: ['intake', 'parcels', status ?? 'all', unpacked ?? 'any'],
    queryFn: () =>
      unwrap(
        api.evidence.GET('/intake/parcels', {
          params: {
            query: {
              page: 1,
              pageSize: 100,
              ...(status ? { status } : {}),
              ...(unpacked ? { unpacked } : {}),
            },
          },
        }),
      ),
  });
}

export function useSessions(status: 'open' | 'sealed') {
  return useQuery({
    queryKey: ['intake', 'sessions', status],
    queryFn: () =>
      unwrap(
        api.evidence.GET('/unpacking-sessions', { params: { query: { status, page: 1, pageSize: 100 } } }),
      ),
  });
}

/** Today in Asia/Shanghai, as YYYY-MM-DD. */
export const shanghaiToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
export const shanghaiDay = (iso: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));
