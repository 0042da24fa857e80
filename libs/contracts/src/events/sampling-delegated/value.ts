import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import {
  Describe,
  IsBatchNumber,
  IsCalendarDate,
  IsCount,
  IsId,
  IsOneOf,
  IsText,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import {
  DELEGATED_ACTS,
  DELEGATION_MATTERS,
  DELEGATION_STATUSES,
  type DelegatedAct,
  type DelegationMatter,
  type DelegationStatus,
} from '../../conventions/vocabulary';
import { Bureau } from '../../facts/bureau';

/**
 * The city bureau delegated the sampling of one plan or one batch to a district bureau (一事一委托),
 * or revoked that delegation; one event per batch covered (a plan's batches issued later get theirs
 * when issued). Each carries the whole delegation and a revision: a consumer keeps, per delegation
 * and batch, the highest revision it has seen.
 */
export class SamplingDelegatedValue {
  @IsId()
  delegationId!: string;

  @IsCount(1)
  @Describe('1 when recorded, 2 when revoked: a consumer applies a revision above the one it holds')
  revision!: number;

  @IsOneOf(DELEGATION_STATUSES)
  status!: DelegationStatus;

  @IsBatchNumber()
  batchNumber!: string;

  @IsId()
  planId!: string;

  @IsOneOf(DELEGATION_MATTERS)
  @Describe('what was delegated: the whole plan, or this one batch')
  matter!: DelegationMatter;

  @ValidateNested()
  @Type(() => Bureau)
  @Describe('the district bureau that acts (受委托机关)')
  delegate!: Bureau;

  @ValidateNested()
  @Type(() => Bureau)
  @Describe('the city bureau that delegates (委托机关), whose rules apply')
  delegator!: Bureau;

  @IsText(100)
  @Describe('number of the letter of delegation (委托书编号)')
  reference!: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsIn([...DELEGATED_ACTS], { each: true })
  @Describe('the acts delegated: sampling, notices (delivery), objections (and the re-inspection procedure)')
  acts!: DelegatedAct[];

  @IsCalendarDate()
  @Describe('first day in force (Asia/Shanghai)')
  validFrom!: string;

  @IsCalendarDate()
  @Describe('last day in force (Asia/Shanghai), inclusive')
  validUntil!: string;

  @IsText(2000)
  reason!: string;

  @IsUtcTimestamp()
  recordedAt!: string;

  @IsOptional()
  @IsUtcTimestamp()
  revokedAt?: string;

  @IsOptional()
  @IsText(2000)
  revocationReason?: string;
}
