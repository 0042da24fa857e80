import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Signature } from './signature';

/** The sealed sample of a batch: codes, seals, signatures, the backup's location and the documents. */
@Entity({ name: 'sealing' })
export class Sealing {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @Column({ name: 'batch_number', type: 'text' }) batchNumber!: string;
  @Column({ name: 'sample_code', type: 'text' }) sampleCode!: string;
  @Column({ type: 'text' }) category!: string;
  @Column({ name: 'test_seal_number', type: 'text' }) testSealNumber!: string;
  @Column({ name: 'test_units', type: 'int' }) testUnits!: number;
  @Column({ name: 'backup_seal_number', type: 'text' }) backupSealNumber!: string;
  @Column({ name: 'backup_units', type: 'int' }) backupUnits!: number;
  @Column({ name: 'backup_storage_location', type: 'text' }) backupStorageLocation!: string;
  @Column({ type: 'jsonb' }) signatures!: Signature[];
  @Column({ name: 'work_order_number', type: 'text' }) workOrderNumber!: string;
  @Column({ name: 'work_order_object_id', type: 'uuid' }) workOrderObjectId!: string;
  @Column({ name: 'notice_object_id', type: 'uuid' }) noticeObjectId!: string;
  @Column({ name: 'sealed_by', type: 'text' }) sealedBy!: string;
  @Column({ name: 'sealed_at', type: 'timestamptz' }) sealedAt!: Date;
}
