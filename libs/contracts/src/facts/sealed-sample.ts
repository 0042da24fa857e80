import { Describe, IsCount, IsDocumentCode } from '../conventions/decorators';

/** One sealed part of a batch's sample: its seal number (封样条编号) and unit count. */
export class SealedSample {
  @IsDocumentCode()
  @Describe('seal number (封样条编号)')
  sealNumber!: string;

  @IsCount(1)
  units!: number;
}
