import { IsOptional, ValidateIf } from 'class-validator';
import {
  Describe,
  IsCalendarDate,
  IsId,
  IsOneOf,
  IsText,
  IsTextList,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import {
  PUBLICATION_KINDS,
  VERDICTS,
  type PublicationKind,
  type Verdict,
} from '../../conventions/vocabulary';

/**
 * A publication on the public website with exactly the public fields of the rules (公示): seller,
 * sample name, claimed brand, claimed producer, spec/model, production date, main nonconforming
 * items, overall verdict, platform. Nothing else may be added here: the batch number travels in
 * the key only.
 */
export class ResultPublishedValue {
  @IsId()
  @Describe('the public result id, the only id the public sees')
  publicResultId!: string;

  @IsOneOf(PUBLICATION_KINDS)
  kind!: PublicationKind;

  @ValidateIf((p: ResultPublishedValue) => p.kind !== 'result' || p.supersedes !== undefined)
  @IsId()
  @Describe('a correction or withdrawal names the publication it replaces')
  supersedes?: string;

  @IsText()
  sellerName!: string;

  @IsText()
  sampleName!: string;

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

  @IsTextList(50)
  mainNonconformingItems!: string[];

  @IsOneOf(VERDICTS)
  verdict!: Verdict;

  @IsOptional()
  @IsText()
  @Describe('platform operator name (第三方交易平台经营者), when bought on a platform')
  platformName?: string;

  @IsUtcTimestamp()
  publishedAt!: string;
}
