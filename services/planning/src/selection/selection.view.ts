import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RISK_FACTORS } from '../scoring/risk-weights';

export class FactorView {
  @ApiProperty({ enum: RISK_FACTORS })
  factor!: string;

  @ApiProperty({ description: 'the factor on a 0..1 scale' })
  value!: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'the figure behind it (count, robust z, …)',
  })
  raw!: number | null;

  @ApiProperty()
  weight!: number;

  @ApiProperty({ description: 'value × weight; the score is their sum' })
  contribution!: number;
}

export class SelectedListingView {
  @ApiProperty()
  listingId!: string;

  @ApiProperty()
  platform!: string;

  @ApiProperty()
  platformListingId!: string;

  @ApiProperty()
  category!: string;

  @ApiProperty({ enum: ['ranked', 'random'] })
  way!: string;

  @ApiProperty()
  position!: number;

  @ApiProperty()
  score!: number;

  @ApiProperty({ type: [FactorView] })
  factors!: FactorView[];
}

export class CategorySelectionView {
  @ApiProperty()
  category!: string;

  @ApiProperty()
  quota!: number;

  @ApiProperty()
  ranked!: number;

  @ApiProperty()
  random!: number;

  @ApiProperty({ description: 'median listed price of the category (fen)' })
  median!: number;

  @ApiProperty({ description: 'median absolute deviation of the listed prices (fen)' })
  mad!: number;

  @ApiPropertyOptional({ type: Number, nullable: true })
  cutoffScore!: number | null;
}

export class SelectionView {
  @ApiProperty({ format: 'uuid' })
  planId!: string;

  @ApiProperty()
  seed!: string;

  @ApiProperty({ description: 'year (Asia/Shanghai) the twice-a-year rule counted' })
  year!: number;

  @ApiProperty({ description: 'price of the selected samples (test + backup units), fen' })
  spentFen!: number;

  @ApiProperty({ type: [CategorySelectionView] })
  categories!: CategorySelectionView[];

  @ApiProperty({ type: [SelectedListingView] })
  listings!: SelectedListingView[];
}
