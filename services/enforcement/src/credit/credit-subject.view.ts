import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreditEntryView } from './credit-entry.view';
import { SELLER_ENTITY_TYPES } from '@qis/contracts';

/** A shop a seller was bought from (its platform and address, which carries the platform's shop id). */
export class CreditShopView {
  @ApiPropertyOptional({ type: String, nullable: true }) platform!: string | null;
  @ApiProperty() shopName!: string;
  @ApiProperty() shopUrl!: string;
}

/**
 * One subject's credit file found by a search: an enterprise seller by its credit code, a
 * natural-person seller by name and shop, a producer by name (and credit code when known).
 */
export class CreditSubjectView {
  @ApiProperty({ description: 'stable key of the subject within the search results' }) key!: string;
  @ApiProperty({ enum: ['seller', 'producer'] }) subjectRole!: string;
  @ApiProperty() subjectName!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) unifiedSocialCreditCode!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    enum: SELLER_ENTITY_TYPES,
    description: "the seller's entity type as the order recorded it",
  })
  sellerEntityType!: string | null;
  @ApiProperty({ type: CreditShopView, isArray: true }) shops!: CreditShopView[];
  @ApiProperty() failures!: number;
  @ApiProperty() penalties!: number;
  @ApiProperty() followUpsPassed!: number;
  @ApiProperty() followUpsFailed!: number;
  @ApiProperty({ format: 'date-time' }) lastAt!: string;
  @ApiProperty({ type: CreditEntryView, isArray: true }) entries!: CreditEntryView[];
}
