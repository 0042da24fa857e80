import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TakedownReport } from './takedown-report.entity';

/** A platform's takedown report that did not match its batch's order: attached to nothing. */
export class TriagedTakedownView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty({ description: 'the platform whose takedown topic carried the report' }) platform!: string;
  @ApiProperty() listingId!: string;
  @ApiProperty() action!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ description: "why it does not belong to the batch's order" }) reason!: string;
  @ApiProperty({ format: 'date-time' }) actedAt!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;

  static of(t: TakedownReport): TriagedTakedownView {
    return {
      id: t.id,
      batchNumber: t.batchNumber,
      platform: t.platform,
      listingId: t.listingId,
      action: t.action,
      note: t.note,
      reason: t.triageReason ?? '',
      actedAt: t.actedAt.toISOString(),
      receivedAt: t.receivedAt.toISOString(),
    };
  }
}
