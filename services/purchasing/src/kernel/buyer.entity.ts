import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const BUYER_STATUSES = ['active', 'suspended', 'retired'] as const;
export type BuyerStatus = (typeof BUYER_STATUSES)[number];

/** A mystery buyer (神秘买家). Other services, logs and documents only ever see the pseudonym. */
@Entity({ name: 'buyer' })
export class Buyer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  pseudonym!: string;

  /** The `sub` of the buyer's login: how a buyer's token finds their tasks. */
  @Column({ name: 'user_id', type: 'text' })
  userId!: string;

  @Column({ name: 'real_name_enc', type: 'text' })
  realNameEnc!: string;

  @Column({ name: 'id_number_enc', type: 'text' })
  idNumberEnc!: string;

  /** Keyed HMAC of the normalised ID number (unique); null only until the start-up backfill. */
  @Column({ name: 'id_number_index', type: 'text', nullable: true })
  idNumberIndex!: string | null;

  @Column({ name: 'phone_enc', type: 'text' })
  phoneEnc!: string;

  @Column({ type: 'text' })
  status!: BuyerStatus;

  /** 《神秘买样团承诺书》: the day signed and the evidence object holding the signed file. */
  @Column({ name: 'commitment_signed_on', type: 'date', nullable: true })
  commitmentSignedOn!: string | null;

  @Column({ name: 'commitment_evidence_id', type: 'uuid', nullable: true })
  commitmentEvidenceId!: string | null;

  @Column({ name: 'training_completed_on', type: 'date', nullable: true })
  trainingCompletedOn!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
