import {
  Describe,
  IsCalendarDate,
  IsCreditCode,
  IsFlag,
  IsOmittable,
  IsText,
} from '../conventions/decorators';

/**
 * What the product claims about itself, recorded at unpacking (标称信息). Everything but the name
 * is optional: a three-no product (三无) has no producer, no address and no certificate.
 */
export class ClaimedProduct {
  @IsText()
  @Describe('sample name (样品名称)')
  sampleName!: string;

  @IsOmittable()
  @IsText()
  @Describe('claimed brand (标称商标)')
  brand?: string;

  @IsOmittable()
  @IsText()
  @Describe('claimed producer (标称生产者)')
  producerName?: string;

  @IsOmittable()
  @IsText(300)
  @Describe("claimed producer's address; a failed result is notified there")
  producerAddress?: string;

  @IsOmittable()
  @IsCreditCode()
  @Describe(
    "claimed producer's unified social credit code, when the label or the certificate shows it: the producer's credit file is then found by it",
  )
  producerUnifiedSocialCreditCode?: string;

  @IsOmittable()
  @IsText()
  @Describe('product standard claimed on the label (产品标准), e.g. GB/T 24252-2019')
  productStandard?: string;

  @IsOmittable()
  @IsText()
  @Describe('specification / model (规格型号)')
  specModel?: string;

  @IsOmittable()
  @IsCalendarDate()
  @Describe('claimed production date (生产日期)')
  productionDate?: string;

  @IsOmittable()
  @IsText(100)
  @Describe('lot or batch number on the label (批号), when no production date is shown')
  lotNumber?: string;

  @IsFlag()
  @Describe('a certificate of conformity (合格证) came with the product')
  hasCertificate!: boolean;
}
