import { IsOptional } from 'class-validator';
import {
  Describe,
  IsBatchNumber,
  IsExternalId,
  IsId,
  IsOneOf,
  IsText,
  IsUtcTimestamp,
} from '../conventions/decorators';
import { TAKEDOWN_ACTIONS, type TakedownAction } from '../conventions/vocabulary';

/**
 * What a platform writes to its own takedown topic (下架反馈). There is no platform field: the
 * platform is the topic's, which only its credential may write (a body naming one is refused).
 */
export class PlatformTakedownReportValue {
  @IsBatchNumber()
  @Describe('the batch number from the feed item')
  batchNumber!: string;

  @IsOptional()
  @IsId()
  caseId?: string;

  @IsExternalId()
  @Describe("the platform's listing id")
  listingId!: string;

  @IsOneOf(TAKEDOWN_ACTIONS)
  action!: TakedownAction;

  @IsOptional()
  @IsText(2000)
  note?: string;

  @IsUtcTimestamp()
  actedAt!: string;
}
