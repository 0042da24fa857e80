import { useQuery } from '@tanstack/react-query';
import { api, SERVICES, unwrap, type ServiceName } from './client';

/** Readiness of each service (public, no token), through the one origin. */
export function useReadiness() {
  return useQuery({
    queryKey: ['readiness'],
    queryFn: async () =>
      Promise.all(
        SERVICES.map(async (service: ServiceName) => {
          const res = await fetch(`/api/${service}/health/ready`).catch(() => undefined);
          return { service, ready: res?.ok ?? false };
        }),
      ),
    refetchInterval: 30_000,
  });
}

export function useAlerts() {
  return useQuery({
    queryKey: ['alerts'],
    queryFn: () => unwrap(api.enforcement.GET('/alerts', {})),
  });
}

export function usePlans(status: string, page = 1, pageSize = 20) {
  return useQuery({
    queryKey: ['plans', status, page, pageSize],
    queryFn: () =>
      unwrap(api.planning.GET('/plans', { params: { query: { status, page, pageSize } as never } })),
  });
}
