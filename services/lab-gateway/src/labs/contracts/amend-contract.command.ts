import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { RecordContractCommand } from './record-contract.command';

/** A supplementary agreement (补充协议): the terms it changes and why; the number stays. */
export class AmendContractCommand extends PartialType(
  OmitType(RecordContractCommand, ['contractNumber'] as const),
  {
    // A field left out is kept; null is no value for any of them (it was a 500: NOT NULL).
    skipNullProperties: false,
  },
) {
  @ApiProperty({ example: '补充协议一：增加电热水壶，蚕丝被检验周期调整为 8 个工作日' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
