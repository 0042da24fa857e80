import { ApiProperty } from '@nestjs/swagger';
import { DispatchRecordView } from './dispatch-record.view';

export class DispatchPage {
  @ApiProperty({ type: [DispatchRecordView] })
  items!: DispatchRecordView[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty()
  total!: number;
}
