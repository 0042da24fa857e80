import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { BUYER_STATUSES, type BuyerStatus } from '../kernel/buyer.entity';

export class ChangeStatusCommand {
  @ApiProperty({ enum: BUYER_STATUSES })
  @IsIn([...BUYER_STATUSES])
  status!: BuyerStatus;
}
