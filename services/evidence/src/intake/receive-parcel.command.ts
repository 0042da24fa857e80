import { ApiProperty } from '@nestjs/swagger';
import { PARCEL_CONDITIONS, type ParcelCondition } from '@qis/contracts';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export class ReceiveParcelCommand {
  @ApiProperty({ example: '中通快递' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  carrier!: string;

  @ApiProperty({ example: '78312345678901' })
  @IsString()
  @MinLength(4)
  @MaxLength(60)
  trackingNumber!: string;

  @ApiProperty({ enum: PARCEL_CONDITIONS })
  @IsIn(PARCEL_CONDITIONS)
  condition!: ParcelCondition;
}
