import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CustodyBreak {
  @ApiProperty({ enum: ['ledger-entry', 'object'] })
  kind!: 'ledger-entry' | 'object';

  @ApiPropertyOptional({
    description: 'sequence number of the broken entry (or of the upload entry of the object)',
  })
  seq?: string;

  @ApiPropertyOptional()
  objectId?: string;

  @ApiProperty()
  reason!: string;
}

/** Result of recomputing the chain and every stored object's hash. */
export class CustodyReport {
  @ApiPropertyOptional({ description: 'the batch whose objects were re-hashed; absent: every object' })
  batchNumber?: string;
  @ApiProperty() intact!: boolean;
  @ApiProperty() entriesChecked!: number;
  @ApiProperty() objectsChecked!: number;
  @ApiPropertyOptional({ type: CustodyBreak, description: 'the first break found; absent when intact' })
  firstBreak?: CustodyBreak;
  @ApiProperty() checkedAt!: string;
}
