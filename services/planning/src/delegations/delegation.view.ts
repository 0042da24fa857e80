import { ApiProperty } from '@nestjs/swagger';
import { DELEGATED_ACTS, DELEGATION_MATTERS } from '@qis/contracts';
import { DELEGATION_STATES, delegationState, type DelegationRecord } from './delegation-record';

export class DelegatedBureauView {
  @ApiProperty({ example: '330102' })
  areaCode!: string;

  @ApiProperty({ example: '杭州市上城区市场监督管理局' })
  name!: string;
}

export class DelegationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: DELEGATION_MATTERS, description: 'a whole plan, or one batch' })
  matter!: string;

  @ApiProperty({ format: 'uuid' })
  planId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the batch, for a batch delegation' })
  batchNumber!: string | null;

  @ApiProperty({ type: DelegatedBureauView, description: 'the district bureau that acts (受委托机关)' })
  delegate!: DelegatedBureauView;

  @ApiProperty({ type: DelegatedBureauView, description: 'the city bureau that delegates (委托机关)' })
  delegator!: DelegatedBureauView;

  @ApiProperty({ description: 'number of the letter of delegation (委托书编号)' })
  reference!: string;

  @ApiProperty({ enum: DELEGATED_ACTS, isArray: true })
  acts!: string[];

  @ApiProperty({ format: 'date' })
  validFrom!: string;

  @ApiProperty({ format: 'date', description: 'last day in force, inclusive (Asia/Shanghai)' })
  validUntil!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ enum: DELEGATION_STATES })
  state!: string;

  @ApiProperty()
  recordedBy!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ type: String, nullable: true })
  revokedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  revocationReason!: string | null;

  @ApiProperty({
    type: [String],
    description: 'the batches it covers now (a plan: every batch issued from it)',
  })
  batches!: string[];
}

export const delegationView = (d: DelegationRecord, today: string): DelegationView => ({
  id: d.id,
  matter: d.matter,
  planId: d.planId,
  batchNumber: d.batchNumber,
  delegate: d.delegate,
  delegator: d.delegator,
  reference: d.reference,
  acts: d.acts,
  validFrom: d.validFrom,
  validUntil: d.validUntil,
  reason: d.reason,
  state: delegationState(d, today),
  recordedBy: d.recordedBy,
  recordedAt: d.recordedAt.toISOString(),
  revokedBy: d.revokedBy,
  revokedAt: d.revokedAt?.toISOString() ?? null,
  revocationReason: d.revocationReason,
  batches: d.batches,
});
