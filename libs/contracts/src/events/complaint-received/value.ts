import { IsOptional, ValidateIf } from 'class-validator';
import {
  Describe,
  IsCategoryCode,
  IsCreditCode,
  IsExternalId,
  IsHttpUrl,
  IsOneOf,
  IsPlatformCode,
  IsText,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import { COMPLAINT_KINDS, type ComplaintKind } from '../../conventions/vocabulary';

/** A complaint or report about product quality. The complainant is never named here. */
export class ComplaintReceivedValue {
  @IsPlatformCode()
  source!: string;

  @IsExternalId()
  complaintId!: string;

  @IsOneOf(COMPLAINT_KINDS)
  kind!: ComplaintKind;

  @IsOptional()
  @IsPlatformCode()
  @Describe('platform the product was bought on, when known')
  platform?: string;

  @IsOptional()
  @IsExternalId()
  listingId?: string;

  @IsOptional()
  @IsHttpUrl()
  listingUrl?: string;

  @IsOptional()
  @IsText()
  sellerName?: string;

  @ValidateIf((c: ComplaintReceivedValue) => c.sellerUnifiedSocialCreditCode !== undefined)
  @IsCreditCode()
  sellerUnifiedSocialCreditCode?: string;

  @IsOptional()
  @IsCategoryCode()
  category?: string;

  @IsOptional()
  @IsText()
  brand?: string;

  @IsText(2000)
  @Describe('what is wrong with the product, as reported')
  summary!: string;

  @IsUtcTimestamp()
  receivedAt!: string;
}
