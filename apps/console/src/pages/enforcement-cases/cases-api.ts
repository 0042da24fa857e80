import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client';
import type { enforcement } from '../../api/generated';

export type Case = enforcement.components['schemas']['CaseView'];
export type CaseDetail = enforcement.components['schemas']['CaseDetailView'];
export type TriageItem = enforcement.components['schemas']['TriageItemView'];
export type CreditSubject = enforcement.components['schemas']['CreditSubjectView'];
export type FollowUpProposal = enforcement.components['schemas']['FollowUpProposalView'];
export type RiskWarning = enforcement.components['schemas']['RiskWarningView'];
export type CaseStatusFilter = 'open' | 'routed' | 'accepted' | 'investigating' | 'closed';

export interface CaseFilters {
  status?: CaseStatusFilter;
  batchNumber?: string;
  seller?: string;
}

export function useCases(filters: CaseFilters) {
  return useQuery({
    queryKey: ['cases', 'list', filters],
    queryFn: () => unwrap(api.enforcement.GET('/cases', { params: { query: filters } })),
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: ['cases', 'one', id],
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
    queryFn: () => unwrap(api.enforcement.GET('/cases/{id}', { params: { path: { id } } })),
  });
}

export function useTriage() {
  return useQuery({
    queryKey: ['cases', 'triage'],
    queryFn: () => unwrap(api.enforcement.GET('/triage', {})),
  });
}

export function useCreditSearch(q: string, role: 'seller' | 'producer' | undefined) {
  return useQuery({
    queryKey: ['cases', 'credit', q, role ?? 'any'],
    enabled: q.trim().length >= 2,
    queryFn: () =>
      unwrap(
        api.enforcement.GET('/credit', { params: { query: { q: q.trim(), ...(role ? { role } : {}) } } }),
      ),
  });
}

/** Consumer risk warnings (消费风险警示) the reader may see, newest first. */
export function useRiskWarnings(enabled: boolean) {
  return useQuery({
    queryKey: ['cases', 'risk-warnings'],
    enabled,
    queryFn: () => unwrap(api.enforcement.GET('/risk-warnings', {})),
  });
}

export function useFollowUpProposals() {
  return useQuery({
    queryKey: ['cases', 'follow-ups'],
    queryFn: () => unwrap(api.enforcement.GET('/follow-up-proposals', {})),
  });
}

/** The districts of the city an officer may choose in triage (GB/T 2260). */
export const HANGZHOU_DISTRICTS = [
  '330102',
  '330105',
  '330106',
  '330108',
  '330109',
  '330110',
  '330111',
  '330112',
  '330113',
  '330114',
  '330122',
  '330127',
  '330182',
];

/** An authority a case is routed or copied to (the contract's Authority, untyped in the OpenAPI document). */
export interface AuthorityFacts {
  kind: string;
  areaCode: string;
  name: string;
}
export const authorityOf = (a: unknown): AuthorityFacts => a as AuthorityFacts;
