import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ADDRESS_STATUSES = ['active', 'retired'] as const;
export type AddressStatus = (typeof ADDRESS_STATUSES)[number];

/** A delivery address of the pool; relay (中转) addresses forward parcels from another province. */
@Entity({ name: 'receiving_address' })
export class ReceivingAddress {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  label!: string;

  /** GB/T 2260 district code: which province a seller sees the parcel going to. */
  @Column({ name: 'area_code', type: 'char', length: 6 })
  areaCode!: string;

  @Column({ type: 'boolean' })
  relay!: boolean;

  @Column({ name: 'recipient_name_enc', type: 'text' })
  recipientNameEnc!: string;

  @Column({ name: 'phone_enc', type: 'text' })
  phoneEnc!: string;

  @Column({ name: 'address_line_enc', type: 'text' })
  addressLineEnc!: string;

  @Column({ type: 'text' })
  status!: AddressStatus;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
