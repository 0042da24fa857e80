import { IsOptional, ValidateIf } from 'class-validator';
import { Describe, IsAreaCode, IsCreditCode, IsHttpUrl, IsOneOf, IsText } from '../conventions/decorators';
import { RuleAcrossFields } from '../conventions/rules-across-fields';
import { SELLER_ENTITY_TYPES, type SellerEntityType } from '../conventions/vocabulary';

/** The seller as the purchase record shows it (网络商品经营者): who is notified, routed and credit-filed. */
@RuleAcrossFields({
  anyOf: [
    { properties: { entityType: { enum: ['natural-person'] } } },
    { required: ['unifiedSocialCreditCode'] },
  ],
})
export class SellerFacts {
  @IsText()
  @Describe('name on the business licence, or the natural person seller name')
  name!: string;

  @IsOneOf(SELLER_ENTITY_TYPES)
  entityType!: SellerEntityType;

  // Natural persons have no credit code; every registered entity has one.
  @ValidateIf(
    (seller: SellerFacts) =>
      seller.entityType !== 'natural-person' || seller.unifiedSocialCreditCode !== undefined,
  )
  @IsCreditCode()
  unifiedSocialCreditCode?: string;

  @IsOptional()
  @IsAreaCode()
  @Describe('district of the registered address (住所), when known; routing needs it')
  registeredAreaCode?: string;

  @IsOptional()
  @IsText(300)
  @Describe('registered address as shown on the licence or by the platform (notice address)')
  registeredAddress?: string;

  @IsText()
  shopName!: string;

  @IsHttpUrl()
  shopUrl!: string;
}
