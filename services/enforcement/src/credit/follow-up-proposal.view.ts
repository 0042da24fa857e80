import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FollowUpProposal } from './follow-up-proposal.entity';

export class FollowUpProposalView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty() sellerName!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) sellerUnifiedSocialCreditCode!: string | null;
  @ApiProperty() category!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) brand!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) specModel!: string | null;
  @ApiProperty() listingUrl!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) platform!: string | null;
  @ApiProperty({ type: String, isArray: true }) failingItems!: string[];
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the follow-up batch planning issued for it',
  })
  followUpBatchNumber!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    enum: ['pass', 'fail'],
    description: "the follow-up's final verdict",
  })
  outcome!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) outcomeAt!: string | null;

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
      followUpBatchNumber: p.followUpBatchNumber,
      outcome: p.outcome,
      outcomeAt: p.outcomeAt?.toISOString() ?? null,
    };
  }
}
