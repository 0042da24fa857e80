import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BatchFile } from '../kernel/batch-file.entity';
import type { EnforcementCase } from './enforcement-case.entity';
import { CaseView } from './case.view';

/** What enforcement knows of the case's batch: the listing, seller, platform, sample and report. */
export class CaseBatchFactsView {
  @ApiPropertyOptional({ type: String, nullable: true }) listingTitle!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) listingUrl!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) orderNumber!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sellerEntityType!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sellerShopName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sellerShopUrl!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sellerRegisteredAddress!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sellerRegisteredAreaCode!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) platformName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) platformOperatorName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) platformOperatorAreaCode!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) category!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sampleName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) brand!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) producerName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) specModel!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reportNumber!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) labName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['pass', 'fail'] }) verdict!: string | null;
  @ApiProperty({ type: String, isArray: true }) failingItems!: string[];
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) finalAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'why the result is final' })
  finalBasis!: string | null;

  static of(b: BatchFile | null): CaseBatchFactsView {
    const order = b?.order;
    const sealed = b?.sealed;
    const report = b?.standingReport ?? null;
    return {
      listingTitle: order?.listing.title ?? null,
      listingUrl: order?.listing.url ?? null,
      orderNumber: order?.orderNumber ?? null,
      sellerEntityType: order?.seller.entityType ?? null,
      sellerShopName: order?.seller.shopName ?? null,
      sellerShopUrl: order?.seller.shopUrl ?? null,
      sellerRegisteredAddress: order?.seller.registeredAddress ?? null,
      sellerRegisteredAreaCode: order?.seller.registeredAreaCode ?? null,
      platformName: order?.platform?.name ?? null,
      platformOperatorName: order?.platform?.operatorName ?? null,
      platformOperatorAreaCode: order?.platform?.operatorRegisteredAreaCode ?? null,
      category: sealed?.category ?? null,
      sampleName: sealed?.claimed.sampleName ?? null,
      brand: sealed?.claimed.brand ?? null,
      producerName: sealed?.claimed.producerName ?? null,
      specModel: sealed?.claimed.specModel ?? null,
      reportNumber: report?.reportNumber ?? null,
      labName: report?.labName ?? null,
      verdict: report?.verdict ?? null,
      failingItems: report?.failingItems ?? [],
      finalAt: b?.finalAt?.toISOString() ?? null,
      finalBasis: b?.finalBasis ?? null,
    };
  }
}

/** One case with the facts of its batch, for the officer's case page. */
export class CaseDetailView extends CaseView {
  @ApiProperty({ type: CaseBatchFactsView }) batch!: CaseBatchFactsView;

  static detail(c: EnforcementCase, batch: BatchFile | null, now: Date): CaseDetailView {
    return { ...CaseView.of(c, now), batch: CaseBatchFactsView.of(batch) };
  }
}
