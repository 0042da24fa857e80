import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreditEntryView } from './credit-entry.view';
import { SELLER_ENTITY_TYPES } from '@qis/contracts';

/** Whose file it is: a producer, a seller registered with a credit code, or a natural person. */
export const CREDIT_SUBJECT_KINDS = ['producer', 'registered-seller', 'natural-person-seller'] as const;
export type CreditSubjectKind = (typeof CREDIT_SUBJECT_KINDS)[number];

export const creditSubjectKind = (
  role: 'seller' | 'producer',
  sellerEntityType: string | null,
): CreditSubjectKind =>
  role === 'producer'
    ? 'producer'
    : sellerEntityType === 'natural-person'
      ? 'natural-person-seller'
      : 'registered-seller';

/** A shop a seller was bought from (its platform and address, which carries the platform's shop id). */
export class CreditShopView {
  @ApiPropertyOptional({ type: String, nullable: true }) platform!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'platform code; null for an own site' })
  platformCode!: string | null;
  @ApiProperty({ description: "the platform's shop id, read from the shop address" }) shopId!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty() shopUrl!: string;
}

/**
 * One subject's credit file found by a search: a registered seller by its credit code, a
 * natural-person seller by name, platform and shop id, a producer by credit code when known, else name.
 */
export class CreditSubjectView {
  @ApiProperty({ description: 'stable key of the subject within the search results' }) key!: string;
  @ApiProperty({ enum: ['seller', 'producer'] }) subjectRole!: string;
  @ApiProperty({
    enum: CREDIT_SUBJECT_KINDS,
    description:
      'producer (标称生产者), registered-seller (enterprise or individual business, by credit code) or natural-person-seller (by name, platform and shop id)',
  })
  subjectKind!: CreditSubjectKind;
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
