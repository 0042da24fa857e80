import type { Verdict } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReportContent } from './report-content';

export const DOCUMENT_VERIFICATIONS = ['verified', 'not-verified'] as const;
export type DocumentVerification = (typeof DOCUMENT_VERIFICATIONS)[number];

/** A lab's test report (检验报告) as submitted; an amended report references the one it replaces. */
@Entity({ name: 'report' })
export class Report {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'report_number', type: 'text' })
  reportNumber!: string;

  @Column({ name: 'lab_id', type: 'uuid' })
  labId!: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ name: 'amends_report_id', type: 'uuid', nullable: true })
  amendsReportId!: string | null;

  @Column({ type: 'text' })
  verdict!: Verdict;

  @Column({ name: 'failing_items', type: 'jsonb' })
  failingItems!: string[];

  @Column({ type: 'jsonb' })
  content!: ReportContent;

  @Column({ name: 'report_document_id', type: 'uuid' })
  reportDocumentId!: string;

  /** Whether the evidence service confirmed the signed PDF (`not-verified` without EVIDENCE_URL). */
  @Column({ name: 'document_verification', type: 'text' })
  documentVerification!: DocumentVerification;

  @Column({ name: 'authorised_by', type: 'text' })
  authorisedBy!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}
