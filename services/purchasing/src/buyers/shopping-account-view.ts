import { ApiProperty } from '@nestjs/swagger';
import { BUYER_STATUSES, type BuyerStatus } from './buyer.entity';
import type { ShoppingAccount } from './shopping-account.entity';

export class ShoppingAccountView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  buyerId!: string;

  @ApiProperty()
  platform!: string;

  @ApiProperty()
  alias!: string;

  @ApiProperty({ enum: BUYER_STATUSES })
  status!: BuyerStatus;

  static of(a: ShoppingAccount): ShoppingAccountView {
    return { id: a.id, buyerId: a.buyerId, platform: a.platform, alias: a.alias, status: a.status };
  }
}
