import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FactorView } from './selection.view';

export class RuleCheckView {
  @ApiProperty({ enum: ['category', 'platform', 'scope', 'price-cap', 'twice-a-year', 'rank'] })
  rule!: string;

  @ApiProperty()
  passed!: boolean;

  @ApiProperty()
  detail!: string;
}

/** Why a listing was or wasn't selected by a plan. */
export class ExplanationView {
  @ApiProperty({ format: 'uuid' })
  planId!: string;

  @ApiProperty()
  listingId!: string;

  @ApiProperty()
  selected!: boolean;

  @ApiPropertyOptional({ enum: ['ranked', 'random'], nullable: true })
  way!: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  position!: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'score against the norms stored with the selection',
  })
  score!: number | null;

  @ApiProperty({ type: [FactorView] })
  factors!: FactorView[];

  @ApiProperty({ type: [RuleCheckView] })
  checks!: RuleCheckView[];

  @ApiProperty({ description: 'the reason in one sentence' })
  summary!: string;
}
