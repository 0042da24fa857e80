import { ApiProperty } from '@nestjs/swagger';
import { CategorySelectionView } from '../selection/selection.view';

/**
 * What the last selection drew, per category: how many by rank and how many in the seeded random
 * order, the lowest ranked score, and the price norms the scores were computed against. Drawing
 * again with the plan's seed on the same listings gives the same listings.
 */
export class PlanDrawView {
  @ApiProperty({ description: 'year (Asia/Shanghai) the twice-a-year rule counted' })
  year!: number;

  @ApiProperty({ description: 'price of the selected samples (test + backup units), fen' })
  spentFen!: number;

  @ApiProperty({ type: [CategorySelectionView] })
  categories!: CategorySelectionView[];
}
