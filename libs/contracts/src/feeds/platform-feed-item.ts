import { Type } from 'class-transformer';
import { IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import {
  Describe,
  IsBatchNumber,
  IsCalendarDate,
  IsDocumentCode,
  IsExternalId,
  IsHttpUrl,
  IsOneOf,
  IsReportNumber,
  IsText,
  IsTextList,
  IsUtcTimestamp,
} from '../conventions/decorators';
import { FINAL_BASES, VERDICTS, type FinalBasis, type Verdict } from '../conventions/vocabulary';
import { PublicNoticeFacts } from '../facts/public-notice-facts';

export const FEED_ITEM_KINDS = ['result-notice', 'final-result'] as const;
export type FeedItemKind = (typeof FEED_ITEM_KINDS)[number];

const isNotice = (item: PlatformFeedItemValue): boolean => item.kind === 'result-notice';
const isFinal = (item: PlatformFeedItemValue): boolean => item.kind === 'final-result';

/**
 * What a platform receives on its own feed topic about a sample bought on it: the result notice
 * (抽检结果通知, also when it went out as a public notice) and the final result, with what the
 * platform needs to act on the listing (下架) and to report back with the batch number. Never the
 * buyer, the shopping account or the delivery address.
 */
export class PlatformFeedItemValue {
  @IsOneOf(FEED_ITEM_KINDS)
  kind!: FeedItemKind;

  @IsBatchNumber()
  @Describe('batch number: a takedown report names it')
  batchNumber!: string;

  @IsExternalId()
  @Describe("the platform's listing id")
  listingId!: string;

  @IsHttpUrl()
  listingUrl!: string;

  @IsText()
  sellerName!: string;

  @IsOptional()
  @IsText()
  shopName?: string;

  @IsOneOf(VERDICTS)
  verdict!: Verdict;

  @IsReportNumber()
  reportNumber!: string;

  @ValidateIf(isNotice)
  @IsText(64)
  @Describe('result notice: the order number on the platform (订单编号)')
  orderNumber?: string;

  @IsOptional()
  @IsDocumentCode()
  @Describe('result notice: number of the notice addressed to the platform, when one was sent')
  noticeNumber?: string;

  @IsOptional()
  @IsCalendarDate()
  @Describe('result notice: last day to object (Asia/Shanghai)')
  objectionDeadline?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => PublicNoticeFacts)
  @Describe(
    'result notice: present when the seller was unreachable and a public notice (公告通知) replaced delivery',
  )
  publicNotice?: PublicNoticeFacts;

  @ValidateIf(isFinal)
  @IsOneOf(FINAL_BASES)
  @Describe('final result: why the result can no longer change')
  basis?: FinalBasis;

  @ValidateIf(isFinal)
  @IsText()
  @Describe('final result: sample name')
  sampleName?: string;

  @IsOptional()
  @IsText()
  claimedBrand?: string;

  @IsOptional()
  @IsText()
  claimedProducer?: string;

  @IsOptional()
  @IsText()
  specModel?: string;

  @IsOptional()
  @IsCalendarDate()
  productionDate?: string;

  @ValidateIf(isFinal)
  @IsTextList(50)
  @Describe('final result: main nonconforming items (主要不合格项目)')
  mainNonconformingItems?: string[];

  @IsUtcTimestamp()
  @Describe('when the notice went out or the result became final')
  occurredAt!: string;
}
