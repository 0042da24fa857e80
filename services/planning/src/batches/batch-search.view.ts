import { ApiProperty } from '@nestjs/swagger';

/** A found batch with what identifies it to staff: its listing and seller. */
export class BatchSummaryView {
  @ApiProperty({ example: 'HZ2026-000123' })
  batchNumber!: string;

  @ApiProperty({ format: 'uuid' })
  planId!: string;

  @ApiProperty({ example: 'silk-quilt' })
  category!: string;

  @ApiProperty({ example: 'taobao' })
  platform!: string;

  @ApiProperty({ description: "the listing's id on its platform" })
  listingId!: string;

  @ApiProperty()
  listingUrl!: string;

  @ApiProperty()
  listingTitle!: string;

  @ApiProperty()
  shopName!: string;

  @ApiProperty()
  sellerName!: string;

  @ApiProperty({ type: String, nullable: true, description: 'unified social credit code, when known' })
  sellerCreditCode!: string | null;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;
}

/** One page of found batches, newest issued first. */
export class BatchSearchView {
  @ApiProperty({ type: [BatchSummaryView] })
  items!: BatchSummaryView[];

  @ApiProperty({ description: 'batches found in all' })
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
