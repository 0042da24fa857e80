import { ApiProperty } from '@nestjs/swagger';
import { INSPECTION_PURPOSES } from '@qis/contracts';
import type { WaitingDispatch } from './waiting-dispatch.entity';

/** A sealed sample waiting for a lab, with why each lab was left out at the last attempt. */
export class WaitingSampleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'HZ2026-000123' }) batchNumber!: string;
  @ApiProperty({ enum: INSPECTION_PURPOSES }) purpose!: string;
  @ApiProperty({ example: 'silk-quilt' }) category!: string;
  @ApiProperty({ example: 'HZ2026-000123-S' }) sampleCode!: string;
  @ApiProperty({ format: 'date-time' }) waitingSince!: string;
  @ApiProperty({ description: 'draws tried so far' }) attempts!: number;
  @ApiProperty({ format: 'date-time' }) lastAttemptAt!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'lab id → why it could not take the sample at the last attempt',
    example: { '0b9c…': ['no free capacity'] },
  })
  exclusions!: Record<string, string[]>;

  static of(w: WaitingDispatch): WaitingSampleView {
    return {
      id: w.id,
      batchNumber: w.batchNumber,
      purpose: w.purpose,
      category: w.draw.category,
      sampleCode: w.draw.sampleCode,
      waitingSince: w.waitingSince.toISOString(),
      attempts: w.attempts,
      lastAttemptAt: w.lastAttemptAt.toISOString(),
      exclusions: w.exclusions,
    };
  }
}
