import { Type } from 'class-transformer';
import { IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import {
  Describe,
  IsBatchNumber,
  IsCategoryCode,
  IsFen,
  IsId,
  IsOneOf,
  IsPlatformCode,
  IsTextList,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import { PLAN_KINDS, type PlanKind } from '../../conventions/vocabulary';
import { ListingFacts } from '../../facts/listing-facts';
import { SampleUnits } from '../../facts/sample-units';
import { SellerFacts } from '../../facts/seller-facts';

/** A batch was issued from an approved plan: one listing to buy (一个批次对应一个编号). */
export class BatchIssuedValue {
  @IsBatchNumber()
  batchNumber!: string;

  @IsId()
  planId!: string;

  @IsOneOf(PLAN_KINDS)
  planKind!: PlanKind;

  @ValidateIf((batch: BatchIssuedValue) => batch.planKind === 'follow-up' || batch.followUpOf !== undefined)
  @IsBatchNumber()
  @Describe('the earlier failed batch a targeted follow-up (跟踪抽检) checks again')
  followUpOf?: string;

  @IsCategoryCode()
  category!: string;

  @IsPlatformCode()
  platform!: string;

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
  @Describe('unit price cap of the plan; paying more needs an approver')
  unitPriceCapFen!: number;

  @IsOptional()
  @IsId()
  @Describe("the plan's buyer pool; purchasing picks the buyer (never named here)")
  buyerPoolId?: string;

  @IsTextList(20)
  @Describe('test standards of the scheme for this category')
  testStandards!: string[];

  @IsUtcTimestamp()
  purchaseDueAt!: string;

  @IsUtcTimestamp()
  issuedAt!: string;
}
