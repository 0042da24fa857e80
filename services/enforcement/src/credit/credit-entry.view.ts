import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CREDIT_ENTRY_KINDS, type CreditEntry } from './credit-entry.entity';

export class CreditEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) unifiedSocialCreditCode!: string | null;
  @ApiProperty() subjectName!: string;
  @ApiProperty({ enum: ['seller', 'producer'] }) subjectRole!: string;
  @ApiProperty({ enum: CREDIT_ENTRY_KINDS })
  kind!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;

  static of(e: CreditEntry): CreditEntryView {
    return {
      id: e.id,
      unifiedSocialCreditCode: e.unifiedSocialCreditCode,
      subjectName: e.subjectName,
      subjectRole: e.subjectRole,
      kind: e.kind,
      batchNumber: e.batchNumber,
      detail: e.detail,
      occurredAt: e.occurredAt.toISOString(),
    };
  }
}
