import { IsOptional } from 'class-validator';
import { Describe, IsHttpUrl, IsText } from '../conventions/decorators';

/** What a public notice (公告通知) shows when a seller's address is unknown: exactly the fields the rules list. */
export class PublicNoticeFacts {
  @IsText()
  sellerName!: string;

  @IsText()
  sampleName!: string;

  @IsOptional()
  @IsText()
  specModel?: string;

  @IsHttpUrl()
  @Describe('listing link (网络链接)')
  listingUrl!: string;

  @IsText(64)
  orderNumber!: string;

  @IsOptional()
  @IsText()
  platformName?: string;
}
