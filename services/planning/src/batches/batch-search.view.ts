import { ApiProperty } from '@nestjs/swagger';

export class BatchSummaryView {
  @ApiProperty({ example: 'HZ2026-000123' })
  batchNumber!: string;

  @ApiProperty({ format: 'uuid' })
  planId!: string;

  @ApiProperty()
  category!: string;

  @ApiProperty()
  platform!: string;

  @ApiProperty()
  listingUrl!: string;

  @ApiProperty()
  sellerName!: string;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;
}

export class BatchSearchView {
  @ApiProperty({ type: [BatchSummaryView] })
  items!: BatchSummaryView[];

  @ApiProperty()
  total!: number;
}
