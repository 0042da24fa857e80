import { ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_NUMBER } from '@qis/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const NOTICE_KINDS = ['sampling', 'result', 'reinspection-result'] as const;
export const NOTICE_STATES = ['unsent', 'awaiting-receipt', 'received', 'failed', 'public-notice'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

/** Filters of the notice list (newest first). */
export class ListNoticesQuery {
  @ApiPropertyOptional({ example: 'HZ2026-000123' })
  @IsOptional()
  @Matches(BATCH_NUMBER, { message: 'batchNumber must look like HZ2026-000123' })
  batchNumber?: string;

  @ApiPropertyOptional({ enum: NOTICE_KINDS })
  @IsOptional()
  @IsIn([...NOTICE_KINDS])
  kind?: (typeof NOTICE_KINDS)[number];

  @ApiPropertyOptional({
    enum: NOTICE_STATES,
    description:
      'unsent; awaiting-receipt (sent, no receipt yet); received; failed (replaced by a public notice); public-notice',
  })
  @IsOptional()
  @IsIn([...NOTICE_STATES])
  state?: NoticeState;

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
