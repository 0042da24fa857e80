import { ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_NUMBER } from '@qis/contracts';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { DELEGATION_STATES, type DelegationState } from './delegation-record';

export class DelegationListQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "the plan's delegations (of the plan or of its batches)",
  })
  @IsOptional()
  @IsUUID('all')
  planId?: string;

  @ApiPropertyOptional({ description: 'the delegations covering this batch (its own or its plan’s)' })
  @IsOptional()
  @Matches(BATCH_NUMBER, { message: 'batchNumber must be a batch number such as HZ2026-000123' })
  batchNumber?: string;

  @ApiPropertyOptional({ enum: DELEGATION_STATES })
  @IsOptional()
  @IsIn([...DELEGATION_STATES])
  state?: DelegationState;
}
