import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** A withdrawal (撤回) of a published result; the reason is published with it. */
export class WithdrawPublicationCommand {
  @ApiProperty({ description: 'why the result is withdrawn; published with it', example: '检验报告被撤销' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason!: string;
}
