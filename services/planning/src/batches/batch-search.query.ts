import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * The console's search box: batches by batch number, seller or listing URL (combined with AND),
 * or `q` for any of them. At least one criterion is required.
 */
export class BatchSearchQuery {
  @ApiPropertyOptional({
    description:
      'any one of: the start of a batch number, part of a seller name, a seller credit code, a listing URL',
    minLength: 2,
    maxLength: 300,
    example: '丝韵家纺',
  })
  @ValidateIf((o: BatchSearchQuery) => o.q !== undefined || !o.hasCriterion())
  @IsDefined({ message: 'q, batchNumber, seller or listingUrl is required' })
  @Transform(trimmed)
  @IsString()
  @Length(2, 300)
  q?: string;

  @ApiPropertyOptional({
    description: 'a batch number or its start (case-insensitive)',
    example: 'HZ2026-0001',
  })
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z]{2,8}(\d{0,3}|\d{4}(-\d{0,6})?)$/, {
    message: 'batchNumber must be a batch number or its start, e.g. HZ2026-000123 or HZ2026-0001',
  })
  batchNumber?: string;

  @ApiPropertyOptional({
    description: "part of the seller's name, or the seller's unified social credit code",
    minLength: 2,
    maxLength: 200,
    example: '杭州丝韵家纺有限公司',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(2, 200)
  seller?: string;

  @ApiPropertyOptional({
    description: 'the listing URL exactly as imported (the query string included)',
    example: 'https://item.taobao.com/item.htm?id=680011223344',
  })
  @IsOptional()
  @Transform(trimmed)
  @Matches(/^https?:\/\/\S{3,2000}$/, { message: 'listingUrl must be an http(s) URL' })
  listingUrl?: string;

  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;

  hasCriterion(): boolean {
    return [this.batchNumber, this.seller, this.listingUrl].some((v) => v !== undefined);
  }
}
