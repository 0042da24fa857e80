import { ApiProperty } from '@nestjs/swagger';

export class ProgressEntryView {
  @ApiProperty({ example: 'testing' })
  stage!: string;

  @ApiProperty({ nullable: true, type: String, example: '纤维含量测试中' })
  note!: string | null;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}
