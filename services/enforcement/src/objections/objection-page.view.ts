import { ApiProperty } from '@nestjs/swagger';
import { ObjectionView } from './objection.view';

/** One page of objections the caller may see. */
export class ObjectionPageView {
  @ApiProperty({ type: ObjectionView, isArray: true }) items!: ObjectionView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
