import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARCEL_STATUSES, type Parcel } from './parcel.entity';

export class ParcelView {
  @ApiProperty() id!: string;
  @ApiProperty({
    enum: PARCEL_STATUSES,
    description: 'admitted (matched, or released from quarantine), quarantined, or rejected from quarantine',
  })
  status!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) batchNumber!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) quarantineReason!: string | null;
  @ApiProperty() carrier!: string;
  @ApiProperty() trackingNumber!: string;
  @ApiProperty() condition!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ description: 'the officer who received it' }) receivedBy!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'when an officer released or rejected it from quarantine',
  })
  resolvedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) resolvedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "the officer's reason" })
  resolutionReason!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'the unpacking session of an admitted parcel, once opened (in lists)',
  })
  unpackingSessionId?: string | null;

  static of(p: Parcel, unpackingSessionId?: string | null): ParcelView {
    return {
      id: p.id,
      status: p.status,
      batchNumber: p.batchNumber,
      quarantineReason: p.quarantineReason,
      carrier: p.carrier,
      trackingNumber: p.trackingNumber,
      condition: p.condition,
      receivedAt: p.receivedAt.toISOString(),
      receivedBy: p.receivedBy,
      resolvedAt: p.resolvedAt?.toISOString() ?? null,
      resolvedBy: p.resolvedBy ?? null,
      resolutionReason: p.resolutionReason ?? null,
      ...(unpackingSessionId !== undefined ? { unpackingSessionId } : {}),
    };
  }
}
