import { ApiProperty } from '@nestjs/swagger';

/** Plans per status, for the home queues (all plans, whatever the list's filter). */
export class PlanStatusCountsView {
  @ApiProperty({ description: 'drafts, the returned ones included' })
  draft!: number;

  @ApiProperty({ description: 'drafts an approver sent back (also counted in draft)' })
  returned!: number;

  @ApiProperty({ description: 'awaiting approval' })
  submitted!: number;

  @ApiProperty()
  approved!: number;

  @ApiProperty({ description: 'batches issued' })
  active!: number;

  @ApiProperty()
  closed!: number;
}
