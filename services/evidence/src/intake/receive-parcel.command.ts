import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, PARCEL_CONDITIONS, type ParcelCondition } from '@qis/contracts';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export class ReceiveParcelCommand {
  @ApiPropertyOptional({
    example: '中通快递',
    description:
      'leave out when only the tracking number was scanned: matched on the number alone (and the carrier taken from the order)',
  })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  carrier?: string;

  @ApiProperty({ example: '78312345678901' })
  @IsString()
  @MinLength(4)
  @MaxLength(60)
  trackingNumber!: string;

  @ApiProperty({ enum: PARCEL_CONDITIONS })
  @IsIn(PARCEL_CONDITIONS)
  condition!: ParcelCondition;
}
