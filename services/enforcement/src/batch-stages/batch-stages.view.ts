import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const ENFORCEMENT_STAGES = ['notified', 'objected', 'final', 'routed', 'closed'] as const;

export class BatchDeadlineView {
  @ApiProperty({ format: 'date-time' })
  due!: string;

  @ApiProperty({ type: Boolean, nullable: true, description: 'null while the deadline is still open' })
  met!: boolean | null;

  @ApiProperty({ description: 'the rule that sets it' })
  rule!: string;
}

export class EvidenceRefView {
  @ApiProperty()
  objectId!: string;

  @ApiProperty()
  kind!: string;
}

/** One fact of a batch's story as this service knows it. */
export class BatchStageView {
  @ApiProperty({ enum: ENFORCEMENT_STAGES })
  stage!: (typeof ENFORCEMENT_STAGES)[number];

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'who acted (a staff subject); null when the service acted on a rule',
  })
  actor!: string | null;

  @ApiPropertyOptional({ type: BatchDeadlineView })
  deadline?: BatchDeadlineView;

  @ApiPropertyOptional({ type: [EvidenceRefView] })
  evidence?: EvidenceRefView[];

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what this stage recorded' })
  facts!: Record<string, unknown>;
}

export class BatchStagesView {
  @ApiProperty({ example: 'HZ2026-000123' })
  batchNumber!: string;

  @ApiProperty({ type: [BatchStageView] })
  stages!: BatchStageView[];
}
