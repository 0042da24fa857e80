import { Describe, IsCount } from '../conventions/decorators';

/** How many units to buy: test units for the lab, backup units kept by the bureau. */
export class SampleUnits {
  @IsCount(1)
  @Describe('units for testing (检验用样品)')
  testUnits!: number;

  @IsCount(0)
  @Describe('units kept as backup (备份样品)')
  backupUnits!: number;
}
