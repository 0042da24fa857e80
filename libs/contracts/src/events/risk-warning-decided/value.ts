import { IsOptional } from 'class-validator';
import {
  Describe,
  IsBatchNumber,
  IsCount,
  IsCreditCode,
  IsId,
  IsOneOf,
  IsText,
  IsTextList,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import { RISK_WARNING_STATUSES, type RiskWarningStatus } from '../../conventions/vocabulary';

/**
 * A consumer risk warning (消费风险警示) about a failed product, as the bureau decided it: issued
 * once a second officer approved it, or withdrawn with a reason. Each decision carries the whole
 * warning and a revision, so a consumer keeps the latest and ignores an older one.
 */
export class RiskWarningDecidedValue {
  @IsId()
  warningId!: string;

  @IsCount(1)
  @Describe('1 when issued, 2 when withdrawn: a consumer applies a revision above the one it holds')
  revision!: number;

  @IsOneOf(RISK_WARNING_STATUSES)
  status!: RiskWarningStatus;

  @IsBatchNumber()
  batchNumber!: string;

  @IsText(100)
  @Describe('the report that stands (报告编号)')
  reportNumber!: string;

  @IsText(300)
  @Describe('title of the warning, in Chinese')
  title!: string;

  @IsText()
  @Describe('product (样品名称)')
  sampleName!: string;

  @IsOptional()
  @IsText()
  @Describe('claimed brand (标称商标)')
  brand?: string;

  @IsOptional()
  @IsText()
  @Describe('specification / model (规格型号)')
  specModel?: string;

  @IsOptional()
  @IsText()
  @Describe('claimed producer (标称生产者)')
  producerName?: string;

  @IsOptional()
  @IsCreditCode()
  producerUnifiedSocialCreditCode?: string;

  @IsText()
  @Describe('the seller the sample was bought from (被抽样的网络商品经营者)')
  sellerName!: string;

  @IsOptional()
  @IsText()
  @Describe('the third-party platform (第三方交易平台)')
  platformName?: string;

  @IsTextList(50)
  @Describe('the non-conforming items (不合格项目)')
  failingItems!: string[];

  @IsText(2000)
  @Describe('the risk, in plain Chinese (风险提示)')
  risk!: string;

  @IsText(2000)
  @Describe('advice to consumers (消费提示)')
  advice!: string;

  @IsText()
  @Describe('the authority issuing the warning (发布机关)')
  issuedBy!: string;

  @IsUtcTimestamp()
  issuedAt!: string;

  @IsOptional()
  @IsUtcTimestamp()
  withdrawnAt?: string;

  @IsOptional()
  @IsText(2000)
  @Describe('why the warning was withdrawn (撤回理由), shown with it')
  withdrawalReason?: string;
}
