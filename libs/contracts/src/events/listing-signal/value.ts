import { Type } from 'class-transformer';
import { IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import {
  Describe,
  IsCategoryCode,
  IsCount,
  IsExternalId,
  IsFen,
  IsHttpUrl,
  IsPlatformCode,
  IsText,
  IsTextList,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import { PlatformFacts } from '../../facts/platform-facts';
import { SellerFacts } from '../../facts/seller-facts';

/** One observation of a listing shared by a platform (信息共享网); planning upserts by platform + listing id. */
export class ListingSignalValue {
  @IsPlatformCode()
  platform!: string;

  @IsExternalId()
  listingId!: string;

  @IsHttpUrl()
  url!: string;

  @IsText(300)
  title!: string;

  @IsOptional()
  @IsCategoryCode()
  category?: string;

  @IsOptional()
  @IsText()
  brand?: string;

  @IsOptional()
  @IsText()
  specModel?: string;

  @IsFen()
  priceFen!: number;

  @IsOptional()
  @IsCount()
  monthlySales?: number;

  @IsOptional()
  @IsCount()
  stock?: number;

  @IsOptional()
  @IsCount()
  ratingCount?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  @Max(1)
  @Describe('share of bad ratings, 0..1 (差评率)')
  badRatingRate?: number;

  @IsOptional()
  @IsTextList(20, 100)
  @Describe('promotional claims as shown, e.g. 限时秒杀, 爆款热销, 超低价')
  promotionalClaims?: string[];

  @ValidateNested()
  @Type(() => SellerFacts)
  seller!: SellerFacts;

  @ValidateNested()
  @Type(() => PlatformFacts)
  @Describe('the platform and its operator (scope rule, routing)')
  operator!: PlatformFacts;

  @IsUtcTimestamp()
  observedAt!: string;
}
