import { ApiProperty } from '@nestjs/swagger';
import { AssignmentView } from './assignment.view';

export class AssignmentPage {
  @ApiProperty({ type: [AssignmentView] })
  items!: AssignmentView[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  pageSize!: number;

  @ApiProperty({ example: 1 })
  total!: number;
}
