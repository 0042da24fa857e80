import { ApiPropertyOptional } from '@nestjs/swagger';
import { RISK_WARNING_STATUSES, type RiskWarningStatus } from '@qis/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../dimensions/page.query';

/** Issued warnings by default; `withdrawn` lists those taken down, with their reasons. */
export class RiskWarningPageQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RISK_WARNING_STATUSES, default: 'issued' })
  @IsOptional()
  @IsIn([...RISK_WARNING_STATUSES])
  status?: RiskWarningStatus;
}
