import { ApiProperty } from '@nestjs/swagger';

export class ImportRowError {
  @ApiProperty({
    description: 'record number, 1 = the first record after the CSV header (or the first NDJSON line)',
  })
  row!: number;

  @ApiProperty({ example: 'sellerCreditCode' })
  field!: string;

  @ApiProperty({ example: 'must be a unified social credit code with a valid check character (GB 32100)' })
  reason!: string;
}

/** What an import did: every good row is kept, every bad one named. */
export class ImportReport {
  @ApiProperty({ description: 'records read' })
  received!: number;

  @ApiProperty({ description: 'records upserted' })
  accepted!: number;

  @ApiProperty({ description: 'records left out (see errors)' })
  rejected!: number;

  @ApiProperty({
    type: [ImportRowError],
    description: 'the first 1,000 problems, each with row, field and reason',
  })
  errors!: ImportRowError[];

  @ApiProperty({ description: 'more problems than listed' })
  errorsTruncated!: boolean;
}
