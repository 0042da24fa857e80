import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import {
  Describe,
  IsBatchNumber,
  IsCalendarDate,
  IsOneOf,
  IsReportNumber,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import { VERDICTS, type Verdict } from '../../conventions/vocabulary';
import { NoticeDelivery } from '../../facts/notice-delivery';
import { PublicNoticeFacts } from '../../facts/public-notice-facts';

/**
 * The report and the result notice were sent within 5 working days (to the seller; to the
 * claimed producer if failed; to the platform when bought on one), or published as a public notice.
 */
export class ResultNotifiedValue {
  @IsBatchNumber()
  batchNumber!: string;

  @IsReportNumber()
  reportNumber!: string;

  @IsOneOf(VERDICTS)
  verdict!: Verdict;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => NoticeDelivery)
  deliveries!: NoticeDelivery[];

  @IsOptional()
  @ValidateNested()
  @Type(() => PublicNoticeFacts)
  @Describe('present when a delivery went by public notice (公告通知): disclosure publishes it')
  publicNotice?: PublicNoticeFacts;

  @IsOptional()
  @IsCalendarDate()
  @Describe('last day to object (15 days from receipt), when receipt is known; Asia/Shanghai')
  objectionDeadline?: string;

  @IsUtcTimestamp()
  notifiedAt!: string;
}
