import type { DocumentSpec } from '@qis/documents';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PdfEvidenceRecord } from '../evidence/pdf-evidence-record';

/** Who a 《复检机构确定通知书》 goes to: the applicant, and the re-inspection lab. */
export const REINSPECTION_LAB_NOTICE_RECIPIENTS = ['applicant', 'reinspection-lab'] as const;
export type ReinspectionLabNoticeRecipient = (typeof REINSPECTION_LAB_NOTICE_RECIPIENTS)[number];

/**
 * One 《复检机构确定通知书》 to one recipient (operating rules §6: the bureau tells the applicant and the
 * re-inspection lab which lab re-inspects). Its text is fixed when issued (`document`); the PDF stored
 * as evidence is rendered from it. A redraw (the lab declined) issues new ones naming the new lab.
 */
@Entity({ name: 'reinspection_lab_notice' })
export class ReinspectionLabNotice extends PdfEvidenceRecord {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'objection_id', type: 'uuid' })
  objectionId!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ type: 'text' })
  recipient!: ReinspectionLabNoticeRecipient;

  @Column({ name: 'recipient_name', type: 'text' })
  recipientName!: string;

  @Column({ name: 'notice_number', type: 'text' })
  noticeNumber!: string;

  @Column({ name: 'lab_id', type: 'text' })
  labId!: string;

  @Column({ name: 'lab_name', type: 'text' })
  labName!: string;

  @Column({ type: 'jsonb' })
  document!: DocumentSpec;

  /** When it was issued, on enforcement's clock. */
  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;
}
