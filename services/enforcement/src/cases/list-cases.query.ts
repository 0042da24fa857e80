import { ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_NUMBER } from '@qis/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const CASE_STATUS_FILTERS = ['open', 'routed', 'accepted', 'investigating', 'closed'] as const;

/** Filters of the case list; `open` is every status but closed. */
export class ListCasesQuery {
  @ApiPropertyOptional({
    enum: CASE_STATUS_FILTERS,
    description: '`open`: routed, accepted or investigating',
  })
  @IsOptional()
  @IsIn([...CASE_STATUS_FILTERS])
  status?: (typeof CASE_STATUS_FILTERS)[number];

  @ApiPropertyOptional({ example: 'HZ2026-000123' })
  @IsOptional()
  @Matches(BATCH_NUMBER, { message: 'batchNumber must look like HZ2026-000123' })
  batchNumber?: string;

  @ApiPropertyOptional({
    description: "part of the seller's name, or its unified social credit code",
    example: '示例家纺',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  seller?: string;
}
