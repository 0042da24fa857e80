import { ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_NUMBER } from '@qis/contracts';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { RISK_WARNING_STATES, type RiskWarningState } from './risk-warning.entity';

export class ListRiskWarningsQuery {
  @ApiPropertyOptional({ enum: RISK_WARNING_STATES })
  @IsOptional()
  @IsIn([...RISK_WARNING_STATES])
  status?: RiskWarningState;

  @ApiPropertyOptional({ example: 'HZ2026-000123' })
  @IsOptional()
  @Matches(BATCH_NUMBER, { message: 'batchNumber must be a batch number such as HZ2026-000123' })
  batchNumber?: string;
}
