import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class BatchNumberParams {
  @ApiProperty({ example: 'HZ2026-000123' })
  @Matches(/^[A-Z]{2,8}\d{4}-\d{6}$/, { message: 'batchNumber must be a batch number, e.g. HZ2026-000123' })
  batchNumber!: string;
}
