import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_NUMBER } from '@qis/contracts';
import { IsOptional, Matches } from 'class-validator';
import { CustodyReport } from '../custody-report.view';

/** What to verify in the background: the whole chain, and every object or one batch's. */
export class StartCustodyVerificationCommand {
  @ApiPropertyOptional({ example: 'HZ2026-000123', description: "re-hash only this batch's objects" })
  @IsOptional()
  @Matches(BATCH_NUMBER, { message: 'batchNumber must look like HZ2026-000123' })
  batchNumber?: string;
}

export type VerificationStatus = 'queued' | 'running' | 'done' | 'failed';

/** A custody verification running in the background, and its report once done. */
export class CustodyVerificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ description: 'the batch whose objects are re-hashed; absent: every object' })
  batchNumber?: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status!: VerificationStatus;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() requestedAt!: string;
  @ApiPropertyOptional() startedAt?: string;
  @ApiPropertyOptional() finishedAt?: string;
  @ApiProperty({ description: 'ledger entries checked so far' }) entriesChecked!: number;
  @ApiProperty({ description: 'objects re-hashed so far' }) objectsChecked!: number;
  @ApiPropertyOptional({ description: 'objects to re-hash, once the chain has been walked' })
  objectsTotal?: number;
  @ApiPropertyOptional({ type: CustodyReport, description: 'the report, once done' })
  report?: CustodyReport;
  @ApiPropertyOptional({ description: 'why the verification could not run to its end (status failed)' })
  error?: string;

  static of(row: Record<string, unknown>): CustodyVerificationView {
    const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : undefined);
    const view: CustodyVerificationView = {
      id: row['id'] as string,
      status: row['status'] as VerificationStatus,
      requestedBy: row['requested_by'] as string,
      requestedAt: iso(row['requested_at']) as string,
      entriesChecked: Number(row['entries_checked']),
      objectsChecked: Number(row['objects_checked']),
    };
    if (row['batch_number']) view.batchNumber = row['batch_number'] as string;
    if (row['started_at']) view.startedAt = iso(row['started_at']);
    if (row['finished_at']) view.finishedAt = iso(row['finished_at']);
    if (row['objects_total'] !== null && row['objects_total'] !== undefined)
      view.objectsTotal = Number(row['objects_total']);
    if (row['report']) view.report = row['report'] as CustodyReport;
    if (row['error']) view.error = row['error'] as string;
    return view;
  }
}
