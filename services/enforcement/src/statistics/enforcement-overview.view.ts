import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const BATCH_STAGES = ['ordered', 'sealed', 'reported', 'notified', 'final'] as const;
export type BatchStage = (typeof BATCH_STAGES)[number];

export class StageCountView {
  @ApiProperty({
    enum: BATCH_STAGES,
    description:
      'furthest stage enforcement knows of: ordered, sample sealed, report issued, result notified, result final',
  })
  stage!: BatchStage;
  @ApiProperty() batches!: number;
}

/** The cases of one authority's area, by status. */
export class AreaCasesView {
  @ApiProperty({ example: '330108', description: 'GB/T 2260 code of the authority the cases were routed to' })
  areaCode!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '杭州市滨江区市场监督管理局' })
  authorityName!: string | null;
  @ApiProperty() routed!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() investigating!: number;
  @ApiProperty() closed!: number;
  @ApiProperty() total!: number;
}

/** Legal deadlines of one kind falling due in the month. */
export class DeadlineCountView {
  @ApiProperty({ enum: ['result-notice', 'objection-window', 'reinspection-procedures', 'case-overdue'] })
  kind!: string;
  @ApiProperty({
    description: "met on or before the due time (a party's period: the party acted within it)",
  })
  met!: number;
  @ApiProperty({
    description: "met late, or past due and not met (a party's period: it lapsed)",
  })
  missed!: number;
  @ApiProperty({ description: 'not met yet, not yet due' }) open!: number;
}

/** Enforcement's figures for the dashboard, within the caller's jurisdiction. */
export class EnforcementOverviewView {
  @ApiProperty({ example: '2026-12', description: 'the month of the deadlines (Asia/Shanghai)' })
  month!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "the caller's jurisdiction the figures are limited to; null: the whole bureau",
  })
  jurisdiction!: string | null;
  @ApiProperty({ type: StageCountView, isArray: true }) batchesByStage!: StageCountView[];
  @ApiProperty({ type: AreaCasesView, isArray: true }) casesByArea!: AreaCasesView[];
  @ApiProperty({ type: DeadlineCountView, isArray: true }) deadlines!: DeadlineCountView[];
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}
