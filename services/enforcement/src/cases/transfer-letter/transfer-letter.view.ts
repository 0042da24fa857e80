import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Authority } from '@qis/contracts';
import type { TransferLetter } from './transfer-letter.entity';

/** A case transfer letter (案件移送函) and where its PDF is kept as evidence. */
export class TransferLetterView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty({ description: 'letter number (文书编号), e.g. YS2026-000001' }) letterNumber!: string;
  @ApiProperty({ type: Authority, description: 'the receiving authority' }) recipient!: Authority;
  @ApiProperty({ description: 'the routing policy row that handed the case over' }) policyRow!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'the stored PDF (kind notice)',
  })
  evidenceObjectId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) evidenceSha256!: string | null;

  static of(l: TransferLetter): TransferLetterView {
    return {
      id: l.id,
      caseId: l.caseId,
      batchNumber: l.batchNumber,
      letterNumber: l.letterNumber,
      recipient: l.recipient,
      policyRow: l.policyRow,
      issuedAt: l.createdAt.toISOString(),
      evidenceObjectId: l.evidenceObjectId,
      evidenceSha256: l.evidenceSha256,
    };
  }
}
