import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ListingObservation {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty()
  priceFen!: number;

  @ApiPropertyOptional({ type: Number, nullable: true })
  monthlySales!: number | null;
}

export class ListingView {
  @ApiProperty({ description: 'internal id (used in plans and explanations)' })
  id!: string;

  @ApiProperty()
  platform!: string;

  @ApiProperty()
  listingId!: string;

  @ApiProperty()
  url!: string;

  @ApiProperty()
  title!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  category!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  brand!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  specModel!: string | null;

  @ApiProperty()
  priceFen!: number;

  @ApiPropertyOptional({ type: Number, nullable: true })
  monthlySales!: number | null;

  @ApiProperty()
  sellerName!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  sellerCreditCode!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  sellerAreaCode!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  operatorAreaCode!: string | null;

  @ApiProperty({ format: 'date-time' })
  observedAt!: string;

  @ApiProperty({
    type: [ListingObservation],
    description: 'every change of price or monthly sales, oldest first',
  })
  history!: ListingObservation[];
}
