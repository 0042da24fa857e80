import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a contract agrees for one category: the price per sample and, when it differs, the turnaround. */
export interface ContractCategory {
  category: string;
  /** Price per sample in fen (分). */
  priceFen: number;
  /** Overrides the contract's turnaround for this category. */
  turnaroundWorkingDays?: number;
}

export type ContractChange = 'recorded' | 'amended' | 'ended';

/**
 * One version of a lab's entrustment contract (委托检验合同). Versions are never changed: an
 * amendment or an end inserts the next version, so the history is the rows of one `id`.
 */
@Entity({ name: 'lab_contract' })
export class LabContract {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ name: 'lab_id', type: 'uuid' })
  labId!: string;

  @Column({ name: 'contract_number', type: 'text' })
  contractNumber!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo!: string;

  /** Last day in force when ended before its term. */
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ name: 'turnaround_working_days', type: 'integer' })
  turnaroundWorkingDays!: number;

  @Column({ type: 'jsonb' })
  categories!: ContractCategory[];

  /** Evidence id of the signed contract PDF. */
  @Column({ name: 'document_id', type: 'text', nullable: true })
  documentId!: string | null;

  @Column({ type: 'text' })
  change!: ContractChange;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;
}
