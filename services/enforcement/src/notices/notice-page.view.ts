import { ApiProperty } from '@nestjs/swagger';
import { NoticeView } from './notice.view';

/** One page of notices the caller may see. */
export class NoticePageView {
  @ApiProperty({ type: NoticeView, isArray: true }) items!: NoticeView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
