import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const LAB_STAGES = ['dispatched', 'reported'] as const;

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
  @ApiProperty({ enum: LAB_STAGES })
  stage!: (typeof LAB_STAGES)[number];

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "who acted: the lab's signatory of a report; null for the random draw",
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
