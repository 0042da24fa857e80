import { ApiProperty } from '@nestjs/swagger';
import { AREA_CODE } from '@qis/contracts';
import { IsBoolean, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class AddAddressCommand {
  @ApiProperty({ description: 'a label for screens that identifies nobody', example: 'SH-relay-2' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  label!: string;

  @ApiProperty({ description: 'GB/T 2260 district code', example: '310115' })
  @Matches(AREA_CODE, { message: 'areaCode must be a 6-digit GB/T 2260 code' })
  areaCode!: string;

  @ApiProperty({ description: 'a relay (中转) address in another province' })
  @IsBoolean()
  relay!: boolean;

  @ApiProperty({ description: 'recipient name (encrypted at rest)' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  recipientName!: string;

  @ApiProperty({ description: 'recipient phone (encrypted at rest)' })
  @Matches(/^\+?\d{6,20}$/, { message: 'phone must be 6-20 digits' })
  phone!: string;

  @ApiProperty({ description: 'street address (encrypted at rest)' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  addressLine!: string;
}
