import { ApiProperty } from '@nestjs/swagger';
import { EXTERNAL_ID, PLATFORM_CODE } from '@qis/contracts';
import { Matches } from 'class-validator';

export class ListingRef {
  @ApiProperty({ example: 'taobao' })
  @Matches(PLATFORM_CODE)
  platform!: string;

  @ApiProperty({ example: '680012345678' })
  @Matches(EXTERNAL_ID)
  listingId!: string;
}
