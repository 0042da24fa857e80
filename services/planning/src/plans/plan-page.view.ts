import { ApiProperty } from '@nestjs/swagger';
import { PlanStatusCountsView } from './plan-status-counts.view';
import { PlanView } from './plan.view';

export class PlanPageView {
  @ApiProperty({
    type: [PlanView],
    description: 'emergency plans awaiting approval first (fast track), then newest first',
  })
  items!: PlanView[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ description: 'plans matching the filter, on all pages' })
  total!: number;

  @ApiProperty({ type: PlanStatusCountsView })
  counts!: PlanStatusCountsView;
}
