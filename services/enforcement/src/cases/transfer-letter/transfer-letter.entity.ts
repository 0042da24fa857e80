import type { Authority } from '@qis/contracts';
import type { DocumentSpec } from '@qis/documents';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PdfEvidenceRecord } from '../../evidence/pdf-evidence-record';

/**
 * A case transfer letter (案件移送函): the sampling bureau hands a case to an authority outside the
 * city. Its text is fixed when issued (`document`); the PDF stored as evidence is rendered from it.
 */
@Entity({ name: 'transfer_letter' })
export class TransferLetter extends PdfEvidenceRecord {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ name: 'letter_number', type: 'text' })
  letterNumber!: string;

  @Column({ type: 'jsonb' })
  recipient!: Authority;

  @Column({ name: 'policy_row', type: 'text' })
  policyRow!: string;

  @Column({ type: 'jsonb' })
  document!: DocumentSpec;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
