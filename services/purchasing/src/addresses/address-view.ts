import { ApiProperty } from '@nestjs/swagger';
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

  static of(a: ReceivingAddress): AddressView {
    return { id: a.id, label: a.label, areaCode: a.areaCode, relay: a.relay, status: a.status };
  }
}
