import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAN_KINDS } from '@qis/contracts';
import { RiskWeights } from '../scoring/risk-weights';
import { EMERGENCY_TRIGGERS, PLAN_STATUSES } from './plan-vocabulary';
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

  @ApiPropertyOptional({ enum: EMERGENCY_TRIGGERS, nullable: true })
  emergencyTrigger!: string | null;

  @ApiPropertyOptional({ nullable: true })
  emergencyEvidence!: string | null;

  @ApiPropertyOptional({ nullable: true })
  followUpOf!: string | null;

  @ApiProperty()
  author!: string;

  @ApiPropertyOptional({ nullable: true })
  approvedBy!: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'why an approver sent it back' })
  returnedReason!: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date-time' })
  selectedAt!: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date-time' })
  issuedAt!: string | null;

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
  emergencyTrigger: p.emergencyTrigger,
  emergencyEvidence: p.emergencyEvidence,
  followUpOf: p.followUpOf,
  author: p.author,
  approvedBy: p.approvedBy,
  returnedReason: p.returnedReason,
  selectedAt: p.selectedAt?.toISOString() ?? null,
  issuedAt: p.issuedAt?.toISOString() ?? null,
  createdAt: p.createdAt.toISOString(),
});
