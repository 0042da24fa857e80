import type { Authority } from '@qis/contracts';
import type { DocumentSpec } from '@qis/documents';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A case transfer letter (案件移送函): the sampling bureau hands a case to an authority outside the
 * city. Its text is fixed when issued (`document`); the PDF stored as evidence is rendered from it.
 */
@Entity({ name: 'transfer_letter' })
export class TransferLetter {
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

  /** The PDF stored through the evidence service (kind `notice`); null until stored. */
  @Column({ name: 'evidence_object_id', type: 'uuid', nullable: true })
  evidenceObjectId!: string | null;

  @Column({ name: 'evidence_sha256', type: 'text', nullable: true })
  evidenceSha256!: string | null;

  @Column({ name: 'evidence_stored_at', type: 'timestamptz', nullable: true })
  evidenceStoredAt!: Date | null;

  @Column({ name: 'evidence_attempts', type: 'int', default: 0 })
  evidenceAttempts!: number;

  @Column({ name: 'evidence_last_error', type: 'text', nullable: true })
  evidenceLastError!: string | null;

  @Column({ name: 'evidence_next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  evidenceNextAttemptAt!: Date;
}
