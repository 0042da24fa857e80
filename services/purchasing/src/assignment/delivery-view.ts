import { ApiProperty } from '@nestjs/swagger';

/** What the assigned buyer types into the order: the account to use and where to ship. */
export class DeliveryView {
  @ApiProperty()
  platform!: string;

  @ApiProperty()
  accountAlias!: string;

  @ApiProperty()
  accountName!: string;

  @ApiProperty()
  recipientName!: string;

  @ApiProperty()
  phone!: string;

  @ApiProperty()
  addressLine!: string;

  @ApiProperty()
  areaCode!: string;

  @ApiProperty({ description: 'a relay (中转) address: forward the parcel on arrival' })
  relay!: boolean;
}
