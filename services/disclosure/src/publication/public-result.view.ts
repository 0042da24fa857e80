import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PUBLICATION_KINDS,
  VERDICTS,
  type PublicationKind,
  type ResultPublishedValue,
  type Verdict,
} from '@qis/contracts';
import { categoryName } from '../dimensions/category-names';
import type { RegionDirectory } from '../dimensions/region-directory';
import type { Publication } from './publication.entity';

export const PUBLICATION_STATUSES = ['published', 'corrected', 'withdrawn'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/**
 * One version of a public result, as the public sees it: the fields the rules publish (seller,
 * sample, claimed brand and producer, spec/model, production date, main nonconforming items,
 * verdict, platform) and where it belongs in filters. No batch number, address or internal id.
 */
export class PublicResultView {
  @ApiProperty({ format: 'uuid', description: 'public result id (this version)' }) id!: string;
  @ApiProperty({ enum: PUBLICATION_KINDS }) kind!: PublicationKind;
  @ApiProperty({ description: '1 for the first publication, +1 per correction or withdrawal' })
  version!: number;
  @ApiProperty({ enum: PUBLICATION_STATUSES, description: 'state of the result as of its current version' })
  status!: PublicationStatus;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the version this one replaces',
  })
  supersedes!: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the version that replaced this one',
  })
  supersededBy!: string | null;
  @ApiProperty({ description: '被抽样的网络商品经营者' }) sellerName!: string;
  @ApiProperty({ description: '样品名称' }) sampleName!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '标称商标' }) claimedBrand!:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '标称生产者名称' }) claimedProducer!:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '规格型号' }) specModel!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '生产日期 (YYYY-MM-DD)' })
  productionDate!: string | null;
  @ApiProperty({ type: String, isArray: true, description: '主要不合格项目' })
  mainNonconformingItems!: string[];
  @ApiProperty({ enum: VERDICTS, description: '综合判定结论' }) verdict!: Verdict;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'platform (淘宝); null for a seller’s own website',
  })
  platform!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '第三方交易平台经营者名称' })
  platformName!: string | null;
  @ApiProperty({ description: 'category code' }) category!: string;
  @ApiProperty({ description: 'category name (Chinese)' }) categoryName!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "GB/T 2260 district of the seller's registered address",
  })
  regionCode!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) regionName!: string | null;
  @ApiProperty({ description: 'day the result became final (Asia/Shanghai)' }) resultDate!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'who sampled (抽样单位): the bureau, or a district bureau on its delegation, e.g. 杭州市上城区市场监督管理局（受杭州市市场监督管理局委托）; null: the bureau (published before this was recorded)',
  })
  sampledBy!: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'why it was corrected or withdrawn' })
  reason!: string | null;

  static of(p: Publication, regions: RegionDirectory, current: Publication = p): PublicResultView {
    return {
      id: p.id,
      kind: p.kind,
      version: p.version,
      status: statusOf(current),
      supersedes: p.supersedes,
      supersededBy: p.supersededBy,
      sellerName: p.sellerName,
      sampleName: p.sampleName,
      claimedBrand: p.claimedBrand,
      claimedProducer: p.claimedProducer,
      specModel: p.specModel,
      productionDate: p.productionDate,
      mainNonconformingItems: p.mainNonconformingItems,
      verdict: p.verdict,
      platform: p.platform,
      platformName: p.platformName,
      category: p.category,
      categoryName: categoryName(p.category).zh,
      regionCode: p.regionCode,
      regionName: p.regionCode ? regions.name(p.regionCode) : null,
      resultDate: p.resultDate,
      sampledBy: p.sampledBy,
      publishedAt: p.publishedAt.toISOString(),
      reason: p.reason,
    };
  }
}

export const statusOf = (current: Publication): PublicationStatus =>
  current.kind === 'withdrawal' ? 'withdrawn' : current.kind === 'correction' ? 'corrected' : 'published';

/** A result with every version, newest first: corrections and withdrawals stay visible. */
export class PublicResultDetailView {
  @ApiProperty({ type: PublicResultView, description: 'the current version' }) current!: PublicResultView;
  @ApiProperty({ type: PublicResultView, isArray: true, description: 'every version, newest first' })
  history!: PublicResultView[];
}

export class PublicResultPage {
  @ApiProperty({ type: PublicResultView, isArray: true }) items!: PublicResultView[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

/** The event value of a publication: exactly the public fields of the contract. */
export function publishedValue(p: Publication): ResultPublishedValue {
  return {
    publicResultId: p.id,
    kind: p.kind,
    ...(p.supersedes ? { supersedes: p.supersedes } : {}),
    sellerName: p.sellerName,
    sampleName: p.sampleName,
    ...(p.claimedBrand ? { claimedBrand: p.claimedBrand } : {}),
    ...(p.claimedProducer ? { claimedProducer: p.claimedProducer } : {}),
    ...(p.specModel ? { specModel: p.specModel } : {}),
    ...(p.productionDate ? { productionDate: p.productionDate } : {}),
    mainNonconformingItems: p.mainNonconformingItems,
    verdict: p.verdict,
    ...(p.platformName ? { platformName: p.platformName } : {}),
    publishedAt: p.publishedAt.toISOString(),
  };
}
