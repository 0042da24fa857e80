import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import {
  Describe,
  IsBatchNumber,
  IsCategoryCode,
  IsDocumentCode,
  IsId,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import { ClaimedProduct } from '../../facts/claimed-product';
import { SealedSample } from '../../facts/sealed-sample';

/**
 * The batch's sample after joint unpacking and sealing. Carries the claimed product facts the
 * lab and the notices need; never the buyer or the delivery address (the waybill stays in evidence).
 */
export class SampleSealedValue {
  @IsBatchNumber()
  batchNumber!: string;

  @IsDocumentCode()
  @Describe('sample code of the batch (样品编号), printed on label and barcode')
  sampleCode!: string;

  @IsCategoryCode()
  category!: string;

  @ValidateNested()
  @Type(() => ClaimedProduct)
  claimed!: ClaimedProduct;

  @ValidateNested()
  @Type(() => SealedSample)
  @Describe('goes to the lab (检验用样品)')
  testSample!: SealedSample;

  @ValidateNested()
  @Type(() => SealedSample)
  @Describe('kept by the bureau (备份样品), used for a re-inspection')
  backupSample!: SealedSample;

  @IsDocumentCode()
  @Describe('work order number (检验工作单)')
  workOrderNumber!: string;

  @IsId()
  @Describe('the unpacking session in the evidence service (video, photos, signatures)')
  unpackingSessionId!: string;

  @IsUtcTimestamp()
  sealedAt!: string;
}
