import { Describe, IsBatchNumber } from '../conventions/decorators';

/** Key of every flow event: the batch number, so one batch's events stay ordered on one partition. */
export class BatchKey {
  @IsBatchNumber()
  @Describe('batch number (批次编号)')
  batchNumber!: string;
}
