import { ApiProperty } from '@nestjs/swagger';
import { CALENDAR_DATE } from '@qis/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

/** One holiday period of the notice (放假), e.g. 春节 with every day off. */
export class HolidayPeriodInput {
  @ApiProperty({ example: '春节' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  name!: string;

  @ApiProperty({
    example: ['2027-02-06', '2027-02-07', '2027-02-08'],
    description: 'every day off of the period (YYYY-MM-DD), weekend days included',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(16)
  @Matches(CALENDAR_DATE, { each: true, message: 'each date must be YYYY-MM-DD' })
  dates!: string[];
}
