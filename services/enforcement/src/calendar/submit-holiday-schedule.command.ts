import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CALENDAR_DATE } from '@qis/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { HolidayPeriodInput } from './holiday-period.input';

/** A year's schedule as published by the State Council (国务院办公厅关于<year>年部分节假日安排的通知). */
export class SubmitHolidayScheduleCommand {
  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ example: '国办发明电〔2026〕7号', description: 'the notice transcribed' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  noticeReference!: string;

  @ApiPropertyOptional({ example: 'https://www.gov.cn/zhengce/content/2026-11/10/content_0000000.htm' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  noticeUrl?: string;

  @ApiProperty({
    type: HolidayPeriodInput,
    isArray: true,
    description:
      "each period's dates in the schedule's year, each date once; every fixed-date statutory holiday (元旦, 劳动节, 国庆节) among them",
    example: [
      { name: '元旦', dates: ['2027-01-01'] },
      { name: '春节', dates: ['2027-02-06', '2027-02-07', '2027-02-08'] },
      { name: '劳动节', dates: ['2027-05-01', '2027-05-02'] },
      { name: '国庆节', dates: ['2027-10-01', '2027-10-02', '2027-10-03'] },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => HolidayPeriodInput)
  holidays!: HolidayPeriodInput[];

  @ApiProperty({
    example: ['2027-02-20'],
    description: 'weekend days worked instead (调休上班日), YYYY-MM-DD',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CALENDAR_DATE, { each: true, message: 'each date must be YYYY-MM-DD' })
  adjustedWorkingDays!: string[];
}
