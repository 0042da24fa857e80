import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import {
  Describe,
  IsBatchNumber,
  IsCategoryCode,
  IsDocumentCode,
  IsOneOf,
  IsReportNumber,
  IsTextList,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import { FINAL_BASES, VERDICTS, type FinalBasis, type Verdict } from '../../conventions/vocabulary';
import { ClaimedProduct } from '../../facts/claimed-product';
import { ListingFacts } from '../../facts/listing-facts';
import { PlatformFacts } from '../../facts/platform-facts';
import { SamplingDelegation } from '../../facts/sampling-delegation';
import { SellerFacts } from '../../facts/seller-facts';

/**
 * The result that can no longer change, self-contained so disclosure and planning need no other
 * topic: the verdict, the report that stands, and the seller, platform and claimed product facts.
 */
export class ResultFinalValue {
  @IsBatchNumber()
  batchNumber!: string;

  @IsOneOf(VERDICTS)
  verdict!: Verdict;

  @IsOneOf(FINAL_BASES)
  basis!: FinalBasis;

  @IsReportNumber()
  @Describe('the report that stands: the re-inspection report when there was one')
  reportNumber!: string;

  @IsTextList(50)
  @Describe('main nonconforming items (主要不合格项目)')
  failingItems!: string[];

  @IsCategoryCode()
  category!: string;

  @IsDocumentCode()
  sampleCode!: string;

  @ValidateNested()
  @Type(() => ClaimedProduct)
  claimed!: ClaimedProduct;

  @ValidateNested()
  @Type(() => SellerFacts)
  seller!: SellerFacts;

  @IsOptional()
  @ValidateNested()
  @Type(() => PlatformFacts)
  platform?: PlatformFacts;

  @ValidateNested()
  @Type(() => ListingFacts)
  listing!: ListingFacts;

  @IsUtcTimestamp()
  finalAt!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => SamplingDelegation)
  @Describe(
    "present when a district bureau sampled the batch on the city bureau's delegation (一事一委托): the public result names it",
  )
  delegation?: SamplingDelegation;
}
