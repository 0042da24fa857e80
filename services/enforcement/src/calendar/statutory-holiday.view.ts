import { ApiProperty } from '@nestjs/swagger';

/** A fixed-date statutory holiday (《全国年节及纪念日放假办法》 art. 2): never a working day. */
export class StatutoryHolidayView {
  @ApiProperty({ example: '2027-10-01' }) date!: string;
  @ApiProperty({ example: '国庆节' }) name!: string;
}
