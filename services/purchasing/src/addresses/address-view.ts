import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ADDRESS_STATUSES, type AddressStatus, type ReceivingAddress } from './receiving-address.entity';

export class AddressView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty()
  areaCode!: string;

  @ApiProperty()
  relay!: boolean;

  @ApiProperty({ enum: ADDRESS_STATUSES })
  status!: AddressStatus;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'when the address was last assigned to a task (rotation: the least recently used eligible address goes next)',
  })
  lastUsedAt?: string | null;

  static of(a: ReceivingAddress): AddressView {
    return {
      id: a.id,
      label: a.label,
      areaCode: a.areaCode,
      relay: a.relay,
      status: a.status,
      lastUsedAt: a.lastUsedAt?.toISOString() ?? null,
    };
  }
}
