import { ApiProperty } from '@nestjs/swagger';
import { FactorView } from '../selection/selection.view';

/** A listing's risk score and its explanation: each factor's value, raw figure, weight and contribution. */
export class ListingRiskView {
  @ApiProperty({ description: 'the sum of the contributions' })
  score!: number;

  @ApiProperty({ type: [FactorView] })
  factors!: FactorView[];

  @ApiProperty({ description: 'within the scope rule (of the plan, or of the bureau)' })
  inScope!: boolean;

  @ApiProperty({ description: "on a platform the plan's scheme allows (always, without a plan)" })
  platformAllowed!: boolean;

  @ApiProperty({ description: 'batches of this brand + spec/model issued this year (at most two a year)' })
  priorBatches!: number;
}
