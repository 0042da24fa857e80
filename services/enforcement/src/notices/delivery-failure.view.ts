import { ApiProperty } from '@nestjs/swagger';
import { NoticeView } from './notice.view';

/** The notice whose delivery failed, and the public notice published in its place. */
export class DeliveryFailureView {
  @ApiProperty({ type: NoticeView }) notice!: NoticeView;
  @ApiProperty({ type: NoticeView }) publicNotice!: NoticeView;
}
