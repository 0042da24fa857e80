import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** Which month's deadlines the overview counts (default: this month in Asia/Shanghai). */
export class EnforcementOverviewParams {
  @ApiPropertyOptional({ example: '2026-12', description: 'YYYY-MM, Asia/Shanghai' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month YYYY-MM' })
  month?: string;
}
