import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { Describe, IsText } from '../conventions/decorators';
import { Bureau } from './bureau';

/** The district bureau that sampled a batch on the city bureau's delegation (受…委托), and the 委托书. */
export class SamplingDelegation {
  @ValidateNested()
  @Type(() => Bureau)
  @Describe('the bureau that sampled (受委托的区县局)')
  delegate!: Bureau;

  @ValidateNested()
  @Type(() => Bureau)
  @Describe('the bureau that delegated (委托机关)')
  delegator!: Bureau;

  @IsText(100)
  @Describe('number of the letter of delegation (委托书编号)')
  reference!: string;
}
