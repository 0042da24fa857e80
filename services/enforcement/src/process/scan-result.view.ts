import { ApiProperty } from '@nestjs/swagger';

export class ScanResultView {
  @ApiProperty({ description: 'deadlines acted on' })
  handled!: number;
}
