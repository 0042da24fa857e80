import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { labGateway } from '../../api/generated';

export type Assignment = labGateway.components['schemas']['AssignmentView'];
export type Lab = labGateway.components['schemas']['LabView'];
export type Dispatch = labGateway.components['schemas']['DispatchRecordView'];
export type Contract = labGateway.components['schemas']['ContractView'];
export type ContractHistory = labGateway.components['schemas']['ContractHistoryView'];
export type WaitingSample = labGateway.components['schemas']['WaitingSampleView'];
export type ReportItem = labGateway.components['schemas']['ReportItemDto'];
export type SubmitReport = labGateway.components['schemas']['SubmitReportCommand'];

/** A fresh key per user action; a retry of the same action inside the mutation reuses it. */
export const idempotencyKey = (): string => crypto.randomUUID();

/** The signed-in lab's assignments, soonest due first (the API pages newest first: read them all). */
export function useMyAssignments() {
  return useQuery({
    queryKey: ['lab', 'assignments'],
    queryFn: async () => {
      const page = await unwrap(
        api.labGateway.GET('/v1/assignments', { params: { query: { page: 1, pageSize: 100 } as never } }),
      );
      return [...page.items].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
    },
  });
}

/** The lab's own reports on a batch, oldest first, from the batch's lab stages. */
export interface SubmittedReport {
  id: string;
  reportNumber: string;
  amendsReportId?: string;
  verdict: string;
  issuedAt?: string;
  receivedAt: string;
}

export function useBatchReports(batchNumber: string | undefined) {
  return useQuery({
    queryKey: ['lab', 'reports', batchNumber],
    enabled: Boolean(batchNumber),
    queryFn: async (): Promise<SubmittedReport[]> => {
      const stages = await unwrap(
        api.labGateway.GET('/batches/{batchNumber}/stages', {
          params: { path: { batchNumber: batchNumber! } },
        }),
      );
      return stages.stages
        .filter((s) => s.stage === 'reported')
        .map((s) => {
          const f = (s.facts ?? {}) as Record<string, unknown>;
          return {
            id: String(f['reportId'] ?? f['reportNumber']),
            reportNumber: String(f['reportNumber']),
            ...(f['amendsReportId'] ? { amendsReportId: String(f['amendsReportId']) } : {}),
            verdict: String(f['verdict'] ?? ''),
            ...(f['issuedAt'] ? { issuedAt: String(f['issuedAt']) } : {}),
            receivedAt: s.at ?? '',
          };
        });
    },
  });
}
