import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayUnique, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PLAN_QUEUE_STATUSES, type PlanQueueStatus } from './plan-vocabulary';

/** `status=draft,returned` (or repeated `status=`): the plans in any of these statuses. */
export class PlanListQuery {
  @ApiPropertyOptional({
    type: 'string',
    example: 'draft,returned',
    description: `comma-separated: ${PLAN_QUEUE_STATUSES.join(', ')} (returned: drafts sent back by an approver)`,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value,
  )
  @IsIn([...PLAN_QUEUE_STATUSES], {
    each: true,
    message: `status must be among ${PLAN_QUEUE_STATUSES.join(', ')}, comma-separated`,
  })
  @ArrayUnique({ message: 'status must not repeat a status' })
  status?: PlanQueueStatus[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100_000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}
