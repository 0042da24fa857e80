import { ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_NUMBER } from '@qis/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const OBJECTION_STATUS_FILTERS = [
  'open',
  'awaiting-confirmation',
  'filed',
  'refused',
  'approved',
  'rejected',
  'waived',
  're-inspecting',
  'completed',
] as const;

/**
 * Filters of the objection list (newest filing first); `open`: filed (confirmed or not), approved or
 * re-inspecting; `awaiting-confirmation`: filings dated on an earlier day waiting for a second officer.
 */
export class ListObjectionsQuery {
  @ApiPropertyOptional({ example: 'HZ2026-000123' })
  @IsOptional()
  @Matches(BATCH_NUMBER, { message: 'batchNumber must look like HZ2026-000123' })
  batchNumber?: string;

  @ApiPropertyOptional({ enum: OBJECTION_STATUS_FILTERS })
  @IsOptional()
  @IsIn([...OBJECTION_STATUS_FILTERS])
  status?: (typeof OBJECTION_STATUS_FILTERS)[number];

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
