import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BatchFile } from '../kernel/batch-file.entity';
import type { TriageItem } from './triage-item.entity';
import type { TriageSuggestion } from './triage-suggestion';

/** The district the resolver suggests a person check first, and why. */
export class TriageSuggestionView {
  @ApiProperty({ example: '330108' }) areaCode!: string;
  @ApiProperty({ example: '杭州市滨江区' }) areaName!: string;
  @ApiProperty({ description: 'the evidence the suggestion rests on' }) reason!: string;
}

export class TriageItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty({ description: 'why routing could not place it' }) reason!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the routing policy row that sent it here',
  })
  policyRow!: string | null;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) caseId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) resolvedAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) resolvedBy?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sellerName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) platformName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) platformOperatorName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) listingTitle?: string | null;
  @ApiPropertyOptional({
    type: TriageSuggestionView,
    nullable: true,
    description: 'the district the resolver suggests checking first (never applied by itself)',
  })
  suggestion?: TriageSuggestionView | null;

  static of(t: TriageItem, batch?: BatchFile | null, suggestion?: TriageSuggestion | null): TriageItemView {
    return {
      id: t.id,
      batchNumber: t.batchNumber,
      reason: t.reason,
      policyRow: t.policyRow ?? null,
      status: t.status,
      caseId: t.caseId,
      createdAt: t.createdAt.toISOString(),
      resolvedAt: t.resolvedAt?.toISOString() ?? null,
      resolvedBy: t.resolvedBy,
      ...(batch !== undefined
        ? {
            sellerName: batch?.order?.seller.name ?? null,
            platformName: batch?.order?.platform?.name ?? null,
            platformOperatorName: batch?.order?.platform?.operatorName ?? null,
            listingTitle: batch?.order?.listing.title ?? null,
            suggestion: suggestion ?? null,
          }
        : {}),
    };
  }
}
