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
  @ApiProperty({
    description: "timestamped checkpoints of the chain's head held against the ledger (each token verified)",
  })
  checkpointsChecked!: number;
  @ApiPropertyOptional({
    description: "the time the latest checkpoint's TSA attests; absent: no checkpoint yet",
  })
  lastCheckpointAt?: string;
  @ApiPropertyOptional({ type: CustodyBreak, description: 'the first break found; absent when intact' })
  firstBreak?: CustodyBreak;
  @ApiProperty() checkedAt!: string;
}

/** A checkpoint just taken: the chain's head, stamped by the time-stamping authority. */
export class CustodyCheckpointView {
  @ApiProperty({ description: 'sequence number of the last ledger entry' }) headSeq!: string;
  @ApiProperty({ description: 'its hash (SHA-256, hex)' }) headHash!: string;
  @ApiProperty({ description: 'when the checkpoint was asked for (service clock, UTC)' }) takenAt!: string;
  @ApiProperty({ description: 'the time the TSA attests (TSTInfo genTime, UTC)' }) genTime!: string;
  @ApiProperty({ description: "the TSA's serial number of the token (hex)" }) serialNumber!: string;
  @ApiProperty({ description: 'object key of the checkpoint in the locked evidence bucket' }) key!: string;
}
