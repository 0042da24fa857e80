import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Parcel } from './parcel.entity';

export class ParcelView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['admitted', 'quarantined'] }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) batchNumber!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) quarantineReason!: string | null;
  @ApiProperty() carrier!: string;
  @ApiProperty() trackingNumber!: string;
  @ApiProperty() condition!: string;
  @ApiProperty() receivedAt!: string;

  static of(p: Parcel): ParcelView {
    return {
      id: p.id,
      status: p.status,
      batchNumber: p.batchNumber,
      quarantineReason: p.quarantineReason,
      carrier: p.carrier,
      trackingNumber: p.trackingNumber,
      condition: p.condition,
      receivedAt: p.receivedAt.toISOString(),
    };
  }
}
