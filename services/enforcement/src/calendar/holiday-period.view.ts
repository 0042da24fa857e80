import { ApiProperty } from '@nestjs/swagger';

export class HolidayPeriodView {
  @ApiProperty({ example: '春节' }) name!: string;
  @ApiProperty({ example: ['2027-02-06', '2027-02-07'], type: String, isArray: true }) dates!: string[];
}
