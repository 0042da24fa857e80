import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

export class PlanListingParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id!: string;

  @ApiProperty({ description: "the listing's internal id (see GET /listings/{platform}/{listingId})" })
  @Matches(/^[1-9]\d{0,17}$/, { message: 'listingId must be a listing id (digits)' })
  listingId!: string;
}
