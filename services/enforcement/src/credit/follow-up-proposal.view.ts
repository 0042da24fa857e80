import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FollowUpProposal } from './follow-up-proposal.entity';

export class FollowUpProposalView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty() sellerName!: string;
  @ApiPropertyOptional({ nullable: true }) sellerUnifiedSocialCreditCode!: string | null;
  @ApiProperty() category!: string;
  @ApiPropertyOptional({ nullable: true }) brand!: string | null;
  @ApiPropertyOptional({ nullable: true }) specModel!: string | null;
  @ApiProperty() listingUrl!: string;
  @ApiPropertyOptional({ nullable: true }) platform!: string | null;
  @ApiProperty({ type: String, isArray: true }) failingItems!: string[];
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;

  static of(p: FollowUpProposal): FollowUpProposalView {
    return {
      id: p.id,
      batchNumber: p.batchNumber,
      sellerName: p.sellerName,
      sellerUnifiedSocialCreditCode: p.sellerUscc,
      category: p.category,
      brand: p.brand,
      specModel: p.specModel,
      listingUrl: p.listingUrl,
      platform: p.platform,
      failingItems: p.failingItems,
      reason: p.reason,
      proposedAt: p.proposedAt.toISOString(),
    };
  }
}
