import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAN_KINDS } from '@qis/contracts';
import { RiskWeights } from '../scoring/risk-weights';
import {
  EMERGENCY_TRIGGERS,
  PLAN_STATUSES,
  RELEASED_EMERGENCY_TRIGGERS,
  releasedEmergencyTrigger,
} from './plan-vocabulary';
import { PlanDrawView } from './plan-draw.view';
import type { PlanRecord } from './plan-record';
import { Scheme } from './scheme.dto';

export class PlanView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: PLAN_KINDS })
  kind!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: PLAN_STATUSES })
  status!: string;

  @ApiProperty({
    description: 'emergency plans are fast-tracked: first in the approval queue, still approved and audited',
  })
  fastTrack!: boolean;

  @ApiProperty({ type: Scheme })
  scheme!: Scheme;

  @ApiProperty({ type: RiskWeights })
  weights!: RiskWeights;

  @ApiProperty()
  randomShare!: number;

  @ApiProperty({
    description: 'seed of the random share: the same seed on the same listings gives the same selection',
  })
  seed!: string;

  @ApiPropertyOptional({
    enum: RELEASED_EMERGENCY_TRIGGERS,
    nullable: true,
    description:
      'the trigger among the four of release 1.0; a public-opinion report or an instruction from a higher authority reads `other` here: see emergencyTriggerKind',
  })
  emergencyTrigger!: string | null;

  @ApiPropertyOptional({
    enum: EMERGENCY_TRIGGERS,
    nullable: true,
    description:
      "the emergency plan's trigger (应急抽检情形), each kind its own, including public-opinion (舆情监测) and higher-authority-instruction (上级交办)",
  })
  emergencyTriggerKind!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  emergencyEvidence!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  followUpOf!: string | null;

  @ApiProperty({ description: 'who created it (`sub`)' })
  author!: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'who submitted it for approval' })
  submittedBy!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  submittedAt!: string | null;

  @ApiProperty({
    type: [String],
    description: 'four-eyes rule: who may not approve it (its author and its submitter)',
  })
  mayNotApprove!: string[];

  @ApiPropertyOptional({ nullable: true, type: String })
  approvedBy!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  approvedAt!: string | null;

  @ApiProperty({ description: 'a draft an approver sent back (the "returned" queue)' })
  returned!: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'why an approver sent it back' })
  returnedReason!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'who sent it back' })
  returnedBy!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  returnedAt!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: PlanDrawView,
    description: 'the last selection per category (the listings: GET /plans/{id}/selection)',
  })
  draw!: PlanDrawView | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' })
  selectedAt!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' })
  issuedAt!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  closedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export const planView = (p: PlanRecord): PlanView => ({
  id: p.id,
  kind: p.kind,
  title: p.title,
  status: p.status,
  fastTrack: p.kind === 'emergency',
  scheme: p.scheme,
  weights: p.weights,
  randomShare: p.randomShare,
  seed: p.seed,
  emergencyTrigger: releasedEmergencyTrigger(p.emergencyTrigger),
  emergencyTriggerKind: p.emergencyTrigger,
  emergencyEvidence: p.emergencyEvidence,
  followUpOf: p.followUpOf,
  author: p.author,
  submittedBy: p.submittedBy,
  submittedAt: p.submittedAt?.toISOString() ?? null,
  mayNotApprove: [...new Set([p.author, ...(p.submittedBy ? [p.submittedBy] : [])])],
  approvedBy: p.approvedBy,
  approvedAt: p.approvedAt?.toISOString() ?? null,
  returned: p.status === 'draft' && p.returnedReason !== null,
  returnedReason: p.returnedReason,
  returnedBy: p.returnedBy,
  returnedAt: p.returnedAt?.toISOString() ?? null,
  draw: p.selection
    ? {
        year: p.selection.year,
        spentFen: p.selection.spentFen,
        categories: p.selection.categories.map((c) => ({
          category: c.category,
          quota: c.quota,
          ranked: c.ranked,
          random: c.random,
          median: c.median,
          mad: c.mad,
          cutoffScore: c.cutoffScore,
        })),
      }
    : null,
  selectedAt: p.selectedAt?.toISOString() ?? null,
  issuedAt: p.issuedAt?.toISOString() ?? null,
  closedAt: p.closedAt?.toISOString() ?? null,
  createdAt: p.createdAt.toISOString(),
});
