import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class RegisterBuyerCommand {
  @ApiProperty({ description: "the `sub` of the buyer's login" })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  userId!: string;

  @ApiPropertyOptional({
    description: 'what everyone else sees; generated when absent',
    example: 'MB-7K2Q9D',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{3,32}$/, { message: 'pseudonym must be 3-32 upper-case letters, digits or dashes' })
  pseudonym?: string;

  @ApiProperty({ description: 'real name (encrypted at rest)' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  realName!: string;

  @ApiProperty({ description: 'resident ID number (encrypted at rest)' })
  @Matches(/^\d{17}[\dX]$/, { message: 'idNumber must be an 18-character resident ID number' })
  idNumber!: string;

  @ApiProperty({ description: 'mobile phone (encrypted at rest)' })
  @Matches(/^\+?\d{6,20}$/, { message: 'phone must be 6-20 digits' })
  phone!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'buyer pools (plans name a pool) the buyer belongs to',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  poolIds?: string[];
}
