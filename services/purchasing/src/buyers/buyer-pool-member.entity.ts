import { Entity, PrimaryColumn } from 'typeorm';

/** A plan's buyer pool names who may buy for it; membership is kept here, never sent out. */
@Entity({ name: 'buyer_pool_member' })
export class BuyerPoolMember {
  @PrimaryColumn({ name: 'pool_id', type: 'uuid' })
  poolId!: string;

  @PrimaryColumn({ name: 'buyer_id', type: 'uuid' })
  buyerId!: string;
}
