import { IsBatchNumber, IsOneOf, IsText, IsUtcTimestamp, Describe } from '../../conventions/decorators';
import { PARCEL_CONDITIONS, type ParcelCondition } from '../../conventions/vocabulary';

/** A parcel admitted at intake because its logistics data matched the batch's order. */
export class ParcelReceivedValue {
  @IsBatchNumber()
  batchNumber!: string;

  @IsText(64)
  @Describe('the order the parcel matched')
  orderNumber!: string;

  @IsText(60)
  carrier!: string;

  @IsText(60)
  trackingNumber!: string;

  @IsOneOf(PARCEL_CONDITIONS)
  condition!: ParcelCondition;

  @IsUtcTimestamp()
  receivedAt!: string;
}
