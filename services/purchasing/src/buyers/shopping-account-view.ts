import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUYER_STATUSES, type BuyerStatus } from '../kernel/buyer.entity';
import type { ShoppingAccount } from '../kernel/shopping-account.entity';

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

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the account was last assigned to a task (rotation: least recently used first)',
  })
  lastUsedAt?: string | null;

  static of(a: ShoppingAccount): ShoppingAccountView {
    return {
      id: a.id,
      buyerId: a.buyerId,
      platform: a.platform,
      alias: a.alias,
      status: a.status,
      lastUsedAt: a.lastUsedAt?.toISOString() ?? null,
    };
  }
}
