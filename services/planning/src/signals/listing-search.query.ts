import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const LISTING_SORTS = ['observedAt', 'score'] as const;

/** Filters of `GET /listings`, combined with AND; `sort=score` needs a category (scores compare within one). */
export class ListingSearchQuery {
  @ApiPropertyOptional({
    description: 'part of the title, seller or shop name (at least 2 characters)',
    example: '蚕丝被',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: 'taobao' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'platform must be a platform code such as taobao' })
  platform?: string;

  @ApiPropertyOptional({ example: 'silk-quilt', description: 'required with sort=score' })
  @ValidateIf((o: ListingSearchQuery) => o.category !== undefined || o.sort === 'score')
  @IsDefined({ message: 'category is required to sort by score' })
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'category must be a category code such as silk-quilt' })
  category?: string;

  @ApiPropertyOptional({ description: "the seller's unified social credit code" })
  @IsOptional()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'sellerCreditCode must be an 18-character credit code' })
  sellerCreditCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  brand?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "score as this plan does (its weights, its categories' risk and price norms, its scope)",
  })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({
    enum: LISTING_SORTS,
    default: 'observedAt',
    description: 'newest observed first, or highest score first',
  })
  @IsOptional()
  @IsIn([...LISTING_SORTS])
  sort: (typeof LISTING_SORTS)[number] = 'observedAt';

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10_000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;
}
