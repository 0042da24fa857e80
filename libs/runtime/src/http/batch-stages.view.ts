import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_STAGES, type BatchStage } from '@qis/contracts';
import { Matches } from 'class-validator';

/**
 * What every service answers at `GET /batches/{batchNumber}/stages`: its own stages of one batch.
 * The staff console composes the six into the batch timeline.
 */
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

/** One fact of a batch's story as the answering service knows it. */
export class BatchStageView {
  @ApiProperty({ enum: BATCH_STAGES })
  stage!: BatchStage;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "who acted: a staff subject, a buyer's pseudonym, a lab's signatory; null when the service acted on a rule",
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

export class BatchNumberParams {
  @ApiProperty({ example: 'HZ2026-000123' })
  @Matches(/^[A-Z]{2,8}\d{4}-\d{6}$/, { message: 'batchNumber must be a batch number, e.g. HZ2026-000123' })
  batchNumber!: string;
}
