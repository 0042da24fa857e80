import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BLACKLIST_TARGETS,
  type BlacklistTarget,
  type SellerBlacklistEntry,
} from './seller-blacklist-entry.entity';

/** A seller's blacklisting of a buyer, account or address, as admins list them (ids only, no identity). */
export class BlacklistEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'the seller (platform and shop) that blacklisted' }) sellerKey!: string;
  @ApiProperty({ enum: BLACKLIST_TARGETS }) targetKind!: BlacklistTarget;
  @ApiProperty({ format: 'uuid' }) targetId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) batchNumber!: string | null;
  @ApiProperty({ format: 'date' }) observedOn!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;

  static of(e: SellerBlacklistEntry): BlacklistEntryView {
    return {
      id: e.id,
      sellerKey: e.sellerKey,
      targetKind: e.targetKind,
      targetId: e.targetId,
      batchNumber: e.batchNumber,
      observedOn: e.observedOn,
      note: e.note,
      recordedBy: e.recordedBy,
      recordedAt: e.recordedAt.toISOString(),
    };
  }
}
