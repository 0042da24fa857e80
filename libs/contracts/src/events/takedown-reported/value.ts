import { IsOptional } from 'class-validator';
import {
  IsBatchNumber,
  IsExternalId,
  IsId,
  IsOneOf,
  IsPlatformCode,
  IsText,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import { TAKEDOWN_ACTIONS, type TakedownAction } from '../../conventions/vocabulary';

/** A platform's report on the listing of a failed batch (下架反馈); enforcement attaches it to the case. */
export class TakedownReportedValue {
  @IsBatchNumber()
  batchNumber!: string;

  @IsOptional()
  @IsId()
  caseId?: string;

  @IsPlatformCode()
  platform!: string;

  @IsExternalId()
  listingId!: string;

  @IsOneOf(TAKEDOWN_ACTIONS)
  action!: TakedownAction;

  @IsOptional()
  @IsText(2000)
  note?: string;

  @IsUtcTimestamp()
  actedAt!: string;
}
