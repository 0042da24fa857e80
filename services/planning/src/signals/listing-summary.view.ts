import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ListingRiskView } from './listing-risk.view';

/** A listing in the search, as last observed, with its risk. */
export class ListingSummaryView {
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

  @ApiPropertyOptional({ nullable: true, type: String })
  category!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  brand!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  specModel!: string | null;

  @ApiProperty()
  priceFen!: number;

  @ApiPropertyOptional({ nullable: true, type: Number })
  monthlySales!: number | null;

  @ApiProperty()
  sellerName!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  sellerCreditCode!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  sellerAreaCode!: string | null;

  @ApiProperty({ format: 'date-time' })
  observedAt!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: ListingRiskView,
    description: 'null when the listing has no category (or, with a plan, one outside its scheme)',
  })
  risk!: ListingRiskView | null;
}
