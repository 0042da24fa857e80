import { ApiProperty } from '@nestjs/swagger';

export class ReplayResultView {
  @ApiProperty({ example: 'lab.report-issued.v1' })
  topic!: string;

  @ApiProperty({ description: 'letters sent back to the topic' })
  replayed!: number;

  @ApiProperty({ type: [String], example: ['1:42'] })
  positions!: string[];
}
