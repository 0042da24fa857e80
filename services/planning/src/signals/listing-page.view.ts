import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RiskWeights } from '../scoring/risk-weights';
import { ListingSummaryView } from './listing-summary.view';

export class ListingPageView {
  @ApiProperty({ type: [ListingSummaryView] })
  items!: ListingSummaryView[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ description: 'listings matching the filters, on all pages' })
  total!: number;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'the plan scored against',
  })
  planId!: string | null;

  @ApiProperty({
    type: RiskWeights,
    description:
      "the weights scored with: the plan's, or the defaults (without a plan the category risk is 0: it is a scheme's)",
  })
  weights!: RiskWeights;
}
