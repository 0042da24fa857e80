import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STATISTICS_DIMENSIONS } from './statistics.query-dto';

/** A rate (fraction 0–1) or the quality index (0–100) with its interval bounds. */
export class EstimateView {
  @ApiProperty() value!: number;
  @ApiProperty({ description: 'lower bound of the 95% Wilson interval (quality index: see README)' })
  low!: number;
  @ApiProperty({ description: 'upper bound' }) high!: number;
}

/** The figures of one group of results (a category, a platform, a region, a period, or all). */
export class StatisticsRowView {
  @ApiProperty({
    description: 'the dimension value: a code, a platform name, a period; `unknown` / `none` when absent',
  })
  key!: string;
  @ApiProperty({ description: 'Chinese label' }) label!: string;
  @ApiProperty({ description: 'batches tested (final results published, withdrawn ones left out)' })
  tested!: number;
  @ApiProperty() passed!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({
    description: 'three-no products (三无): no producer, no producer address or no certificate',
  })
  threeNo!: number;
  @ApiProperty() noProducer!: number;
  @ApiProperty() noAddress!: number;
  @ApiProperty() noCertificate!: number;
  @ApiPropertyOptional({ type: EstimateView, nullable: true, description: '合格率 = passed / tested' })
  passRate!: EstimateView | null;
  @ApiPropertyOptional({ type: EstimateView, nullable: true, description: '不合格检出率 = failed / tested' })
  detectionRate!: EstimateView | null;
  @ApiPropertyOptional({ type: EstimateView, nullable: true, description: '三无产品比率 = threeNo / tested' })
  threeNoRate!: EstimateView | null;
  @ApiPropertyOptional({
    type: EstimateView,
    nullable: true,
    description: '质量指数 = 100 × (0.8 × pass rate + 0.2 × (1 − three-no rate)), 0–100',
  })
  qualityIndex!: EstimateView | null;
  @ApiProperty({ description: 'fewer than 30 batches: read the interval, not the point value' })
  smallSample!: boolean;
}

export class StatisticsView {
  @ApiProperty({ enum: STATISTICS_DIMENSIONS }) by!: string;
  @ApiProperty({
    description: 'the filters applied',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  filters!: Record<string, string>;
  @ApiProperty({ type: StatisticsRowView, isArray: true }) rows!: StatisticsRowView[];
  @ApiProperty({ type: StatisticsRowView, description: 'all results the filters keep' })
  total!: StatisticsRowView;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}
