import { ApiProperty } from '@nestjs/swagger';

export class IssuedBatchView {
  @ApiProperty({ example: 'HZ2026-000123' })
  batchNumber!: string;

  @ApiProperty()
  listingId!: string;

  @ApiProperty()
  category!: string;

  @ApiProperty()
  platform!: string;

  @ApiProperty()
  platformListingId!: string;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;
}
