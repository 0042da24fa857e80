import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An authority a batch was routed or copied to: its officers read the batch's evidence. */
@Entity({ name: 'batch_jurisdiction' })
export class BatchJurisdiction {
  @PrimaryColumn({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @PrimaryColumn({ name: 'area_code', type: 'text' })
  areaCode!: string;

  @Column({ name: 'authority_kind', type: 'text' })
  authorityKind!: string;

  @Column({ name: 'routed_at', type: 'timestamptz' })
  routedAt!: Date;
}
