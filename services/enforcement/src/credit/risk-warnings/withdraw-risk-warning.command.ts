import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Taking an issued warning down: the reason is shown with it on the public page. */
export class WithdrawRiskWarningCommand {
  @ApiProperty({ example: '生产者已召回全部批次产品，经核查整改到位' })
  @IsString()
  @MinLength(4, { message: 'reason must say why in at least 4 characters' })
  @MaxLength(2000)
  reason!: string;
}
