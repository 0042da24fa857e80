import { Describe, IsExternalId, IsPlatformCode } from '../conventions/decorators';

/** Key of listing signals: platform + listing id, so one listing's observations stay in order. */
export class PlatformListingKey {
  @IsPlatformCode()
  @Describe('platform code')
  platform!: string;

  @IsExternalId()
  @Describe("the platform's listing id (商品链接编号)")
  listingId!: string;
}
