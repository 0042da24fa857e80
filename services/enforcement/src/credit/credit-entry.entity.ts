import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CREDIT_ENTRY_KINDS = [
  'failure',
  'penalty',
  'rectification',
  'takedown-confirmed',
  'seller-not-found',
  'takedown-reported',
  'follow-up-pass',
  'follow-up-fail',
] as const;
export type CreditEntryKind = (typeof CREDIT_ENTRY_KINDS)[number];

/** One line of a seller's or producer's credit file (信用档案). */
@Entity({ name: 'credit_entry' })
export class CreditEntry {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Absent for natural-person sellers, and for producers whose label showed no code. */
  @Column({ name: 'unified_social_credit_code', type: 'text', nullable: true })
  unifiedSocialCreditCode!: string | null;

  @Column({ name: 'subject_name', type: 'text' })
  subjectName!: string;

  @Column({ name: 'subject_role', type: 'text' })
  subjectRole!: 'seller' | 'producer';

  @Column({ type: 'text' })
  kind!: CreditEntryKind;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ type: 'jsonb' })
  detail!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
