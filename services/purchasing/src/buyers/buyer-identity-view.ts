import { ApiProperty } from '@nestjs/swagger';

/** A buyer's real identity: purchasing-admin only, every read audited. */
export class BuyerIdentityView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  pseudonym!: string;

  @ApiProperty()
  realName!: string;

  @ApiProperty()
  idNumber!: string;

  @ApiProperty()
  phone!: string;
}
