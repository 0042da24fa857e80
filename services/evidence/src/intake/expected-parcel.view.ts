import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ExpectedParcel } from './expected-parcel.entity';

/** A parcel shipped for a batch and not admitted yet: what to look out for at the door. No buyer, no address. */
export class ExpectedParcelView {
  @ApiProperty({ example: 'HZ2026-000123' }) batchNumber!: string;
  @ApiProperty() orderNumber!: string;
  @ApiProperty() carrier!: string;
  @ApiProperty() trackingNumber!: string;
  @ApiProperty() testUnits!: number;
  @ApiProperty() backupUnits!: number;
  @ApiProperty() orderedAt!: string;
  @ApiProperty() shippedAt!: string;
  @ApiProperty({ description: 'the listing bought' }) listingTitle!: string;
  @ApiProperty() shopName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) platformName!: string | null;
  @ApiProperty({ description: 'quarantined parcels that name this batch (e.g. a second parcel)' })
  quarantined!: number;

  static of(e: ExpectedParcel, quarantined: number): ExpectedParcelView {
    return {
      batchNumber: e.batchNumber,
      orderNumber: e.orderNumber,
      carrier: e.carrier,
      trackingNumber: e.trackingNumber,
      testUnits: e.testUnits,
      backupUnits: e.backupUnits,
      orderedAt: e.orderedAt.toISOString(),
      shippedAt: e.shippedAt.toISOString(),
      listingTitle: e.listing.title,
      shopName: e.seller.shopName,
      platformName: e.platform?.name ?? null,
      quarantined,
    };
  }
}

export class ExpectedParcelPage {
  @ApiProperty({ type: [ExpectedParcelView] }) items!: ExpectedParcelView[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
