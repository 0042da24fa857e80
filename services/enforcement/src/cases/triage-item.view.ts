import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TriageItem } from './triage-item.entity';

export class TriageItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty({ description: 'why routing could not place it' }) reason!: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) caseId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(t: TriageItem): TriageItemView {
    return {
      id: t.id,
      batchNumber: t.batchNumber,
      reason: t.reason,
      status: t.status,
      caseId: t.caseId,
      createdAt: t.createdAt.toISOString(),
    };
  }
}
