import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PLAN_STATUSES, type PlanStatus } from './plan-vocabulary';

export class PlanListQuery {
  @ApiPropertyOptional({ enum: PLAN_STATUSES })
  @IsOptional()
  @IsIn([...PLAN_STATUSES])
  status?: PlanStatus;
}
