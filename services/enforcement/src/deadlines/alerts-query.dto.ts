import { ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_NUMBER } from '@qis/contracts';
import { IsOptional, Matches } from 'class-validator';

export class AlertsQuery {
  @ApiPropertyOptional({ example: 'HZ2026-000123' })
  @IsOptional()
  @Matches(BATCH_NUMBER, { message: 'batchNumber must look like HZ2026-000123' })
  batchNumber?: string;
}
