import type { PlanKind } from '@qis/contracts';
import type { RiskWeights } from '../scoring/risk-weights';
import type { CategoryNorm } from '../scoring/risk-scorer';
import type { EmergencyTrigger, PlanStatus } from './plan-vocabulary';
import type { Scheme } from './scheme.dto';

/** What a selection decided per category, kept with the plan for explanations. */
export interface CategorySelection extends CategoryNorm {
  quota: number;
  ranked: number;
  random: number;
  /** Lowest score taken by rank: a listing below it was not ranked in. */
  cutoffScore: number | null;
}

export interface SelectionSummary {
  year: number;
  categories: CategorySelection[];
  spentFen: number;
}

export interface PlanRecord {
  id: string;
  kind: PlanKind;
  title: string;
  status: PlanStatus;
  scheme: Scheme;
  weights: Required<RiskWeights>;
  randomShare: number;
  seed: string;
  emergencyTrigger: EmergencyTrigger | null;
  emergencyEvidence: string | null;
  followUpOf: string | null;
  author: string;
  submittedAt: Date | null;
  submittedBy: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  returnedReason: string | null;
  returnedBy: string | null;
  returnedAt: Date | null;
  selection: SelectionSummary | null;
  selectedAt: Date | null;
  issuedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
}
