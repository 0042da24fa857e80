import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One entry of an object's custody trail, as the console shows it. */
export class CustodyTrailEntry {
  @ApiProperty({ description: 'position in the hash-chained ledger' }) seq!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({
    description: 'upload, metadata-read, download, view, retention-change, delete, delete-refused, …',
  })
  action!: string;
  @ApiProperty({
    description:
      'who: a pseudonym (U-…) for a buyer, for everyone but admins; staff and service accounts as they are',
  })
  actor!: string;
  @ApiProperty({ type: [String] }) actorRoles!: string[];
  @ApiProperty({ description: 'the client or tool used' }) tool!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) objectSha256!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) objectVersionId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the purpose stated for the read' })
  purpose!: string | null;
  @ApiProperty({ description: "this entry's hash (covers the previous entry's)" }) hash!: string;
}

/** The custody trail of one evidence object, oldest first. */
export class CustodyTrail {
  @ApiProperty() objectId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) batchNumber!: string | null;
  @ApiProperty({ type: [CustodyTrailEntry] }) entries!: CustodyTrailEntry[];
}
