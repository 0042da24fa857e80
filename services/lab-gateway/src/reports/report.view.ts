import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VERDICTS } from '@qis/contracts';
import { DOCUMENT_VERIFICATIONS, type Report } from './report.entity';

/** A stored report, as returned to the lab that submitted it. */
export class ReportView {
  @ApiProperty({ format: 'uuid', description: 'unique id of this report in QIS' })
  id!: string;

  @ApiProperty({ example: 'ZJFZ2026-W-01234' })
  reportNumber!: string;

  @ApiPropertyOptional({ description: 'the report this one replaces' })
  amendsReportNumber?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'QIS id of the report this one replaces' })
  amendsReportId?: string;

  @ApiProperty({ format: 'uuid' })
  assignmentId!: string;

  @ApiProperty({ example: 'HZ2026-000123' })
  batchNumber!: string;

  @ApiProperty({ enum: VERDICTS })
  verdict!: string;

  @ApiProperty({ example: ['蚕丝含量'] })
  failingItems!: string[];

  @ApiProperty({ format: 'uuid' })
  reportDocumentId!: string;

  @ApiProperty({
    enum: DOCUMENT_VERIFICATIONS,
    description:
      'verified: the evidence service confirmed the signed PDF (exists, finalized, a lab report of this ' +
      'batch); not-verified: no evidence service configured, stored as given',
  })
  documentVerification!: string;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  static of(r: Report): ReportView {
    return {
      id: r.id,
      reportNumber: r.reportNumber,
      ...(r.content.amendsReportNumber ? { amendsReportNumber: r.content.amendsReportNumber } : {}),
      ...(r.amendsReportId ? { amendsReportId: r.amendsReportId } : {}),
      assignmentId: r.assignmentId,
      batchNumber: r.batchNumber,
      verdict: r.verdict,
      failingItems: r.failingItems,
      reportDocumentId: r.reportDocumentId,
      documentVerification: r.documentVerification,
      issuedAt: r.issuedAt.toISOString(),
      receivedAt: r.receivedAt.toISOString(),
    };
  }
}
