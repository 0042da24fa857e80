import { Column } from 'typeorm';

/**
 * The columns a document keeps about its PDF in the evidence service (a notice, a transfer letter,
 * a 《复检机构确定通知书》): the object id and SHA-256 once stored, and the retry state of
 * `storePdfsAsEvidence` until then. Entities extend it; the table has the same columns.
 */
export abstract class PdfEvidenceRecord {
  /** The PDF stored through the evidence service (kind `notice`); null until stored. */
  @Column({ name: 'evidence_object_id', type: 'uuid', nullable: true })
  evidenceObjectId!: string | null;

  /** SHA-256 of the stored PDF, as the evidence service computed it from the stored bytes. */
  @Column({ name: 'evidence_sha256', type: 'text', nullable: true })
  evidenceSha256!: string | null;

  @Column({ name: 'evidence_stored_at', type: 'timestamptz', nullable: true })
  evidenceStoredAt!: Date | null;

  @Column({ name: 'evidence_attempts', type: 'int', default: 0 })
  evidenceAttempts!: number;

  @Column({ name: 'evidence_last_error', type: 'text', nullable: true })
  evidenceLastError!: string | null;

  /** When the storing step may (re)try; also its lease while an attempt runs. */
  @Column({ name: 'evidence_next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  evidenceNextAttemptAt!: Date;
}
