import { Describe, IsExternalId, IsHttpUrl, IsText } from '../conventions/decorators';

/** The listing (商品链接) a batch buys. */
export class ListingFacts {
  @IsExternalId()
  @Describe("the platform's listing id")
  platformListingId!: string;

  @IsHttpUrl()
  url!: string;

  @IsText(300)
  title!: string;
}
