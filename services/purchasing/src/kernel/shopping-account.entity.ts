import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BuyerStatus } from './buyer.entity';

/** A buyer's account on one platform. The account name is encrypted; the alias is for screens. */
@Entity({ name: 'shopping_account' })
export class ShoppingAccount {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'buyer_id', type: 'uuid' })
  buyerId!: string;

  @Column({ type: 'text' })
  platform!: string;

  @Column({ type: 'text' })
  alias!: string;

  @Column({ name: 'account_name_enc', type: 'text' })
  accountNameEnc!: string;

  @Column({ type: 'text' })
  status!: BuyerStatus;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
