import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ListingObservation {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty()
  priceFen!: number;

  @ApiPropertyOptional({ nullable: true })
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

  @ApiPropertyOptional({ nullable: true })
  category!: string | null;

  @ApiPropertyOptional({ nullable: true })
  brand!: string | null;

  @ApiPropertyOptional({ nullable: true })
  specModel!: string | null;

  @ApiProperty()
  priceFen!: number;

  @ApiPropertyOptional({ nullable: true })
  monthlySales!: number | null;

  @ApiProperty()
  sellerName!: string;

  @ApiPropertyOptional({ nullable: true })
  sellerCreditCode!: string | null;

  @ApiPropertyOptional({ nullable: true })
  sellerAreaCode!: string | null;

  @ApiPropertyOptional({ nullable: true })
  operatorAreaCode!: string | null;

  @ApiProperty({ format: 'date-time' })
  observedAt!: string;

  @ApiProperty({
    type: [ListingObservation],
    description: 'every change of price or monthly sales, oldest first',
  })
  history!: ListingObservation[];
}
