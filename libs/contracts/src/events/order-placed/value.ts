import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import {
  Describe,
  IsBatchNumber,
  IsCount,
  IsFen,
  IsId,
  IsText,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import { ListingFacts } from '../../facts/listing-facts';
import { PlatformFacts } from '../../facts/platform-facts';
import { SampleUnits } from '../../facts/sample-units';
import { SellerFacts } from '../../facts/seller-facts';

/**
 * The order of a batch, as intake and enforcement need it. Deliberately without the buyer, the
 * shopping account and the delivery address: this topic is read by services that must never
 * learn who bought (unknown fields are rejected, so one can't slip in).
 */
export class OrderPlacedValue {
  @IsBatchNumber()
  batchNumber!: string;

  @IsText(64)
  @Describe('order number on the platform (订单编号)')
  orderNumber!: string;

  @IsUtcTimestamp()
  orderedAt!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => PlatformFacts)
  @Describe("absent when bought on the seller's own site")
  platform?: PlatformFacts;

  @ValidateNested()
  @Type(() => ListingFacts)
  listing!: ListingFacts;

  @ValidateNested()
  @Type(() => SellerFacts)
  seller!: SellerFacts;

  @ValidateNested()
  @Type(() => SampleUnits)
  quantity!: SampleUnits;

  @IsFen()
  unitPriceFen!: number;

  @IsFen()
  shippingFeeFen!: number;

  @IsFen()
  @Describe('total paid: units × unit price + shipping − discounts')
  totalPaidFen!: number;

  @IsOptional()
  @IsCount()
  @Describe('monthly sales shown at purchase time (月销量)')
  monthlySales?: number;

  @IsOptional()
  @IsCount()
  @Describe('stock shown at purchase time (库存量)')
  stock?: number;

  @IsText(60)
  @Describe('carrier (快递公司), e.g. 中通快递')
  carrier!: string;

  @IsText(60)
  @Describe('tracking number (快递单号): intake admits a parcel only when carrier and number match')
  trackingNumber!: string;

  @IsUtcTimestamp()
  shippedAt!: string;

  @IsId()
  @Describe('the purchase evidence package (买样证据包) in the evidence service')
  evidencePackageId!: string;
}
