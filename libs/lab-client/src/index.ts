export {
  createLabClient,
  LabApiError,
  type Assignment,
  type AssignmentPage,
  type AssignmentStatus,
  type ErrorResponse,
  type LabClient,
  type LabClientOptions,
  type ProgressUpdate,
  type Report,
  type ReportSubmission,
} from './lab-client';
export type { components, operations, paths } from './lab-gateway';
