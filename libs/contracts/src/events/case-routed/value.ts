import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import {
  Describe,
  IsBatchNumber,
  IsCreditCode,
  IsId,
  IsOneOf,
  IsPlatformCode,
  IsText,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import { ROUTING_RULES, type RoutingRule } from '../../conventions/vocabulary';
import { Authority } from '../../facts/authority';

/** A failed batch handed to the authority of the right jurisdiction, with the rule that chose it. */
export class CaseRoutedValue {
  @IsBatchNumber()
  batchNumber!: string;

  @IsId()
  caseId!: string;

  @IsOneOf(ROUTING_RULES)
  rule!: RoutingRule;

  @ValidateNested()
  @Type(() => Authority)
  authority!: Authority;

  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => Authority)
  @Describe('authorities copied, e.g. the online-supervision office (网监办) for platform sales')
  copiedTo!: Authority[];

  @IsText()
  sellerName!: string;

  @ValidateIf((c: CaseRoutedValue) => c.sellerUnifiedSocialCreditCode !== undefined)
  @IsCreditCode()
  sellerUnifiedSocialCreditCode?: string;

  @IsOptional()
  @IsPlatformCode()
  platform?: string;

  @IsUtcTimestamp()
  routedAt!: string;
}
