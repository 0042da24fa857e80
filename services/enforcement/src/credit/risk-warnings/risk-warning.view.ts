import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RISK_WARNING_STATES, type RiskWarning } from './risk-warning.entity';

/** A risk warning as the bureau sees it: what it says, who proposed and decided it, and when. */
export class RiskWarningView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty({ enum: RISK_WARNING_STATES }) status!: string;
  @ApiProperty() reportNumber!: string;
  @ApiProperty() title!: string;
  @ApiProperty() sampleName!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) brand!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) specModel!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) producerName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) producerUnifiedSocialCreditCode!: string | null;
  @ApiProperty() sellerName!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) platformName!: string | null;
  @ApiProperty({ type: String, isArray: true }) failingItems!: string[];
  @ApiProperty() risk!: string;
  @ApiProperty() advice!: string;
  @ApiProperty() proposedBy!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) decidedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionReason!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) withdrawnBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) withdrawnAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) withdrawalReason!: string | null;

  static of(w: RiskWarning): RiskWarningView {
    return {
      id: w.id,
      batchNumber: w.batchNumber,
      status: w.status,
      reportNumber: w.reportNumber,
      title: w.title,
      sampleName: w.sampleName,
      brand: w.brand,
      specModel: w.specModel,
      producerName: w.producerName,
      producerUnifiedSocialCreditCode: w.producerUscc,
      sellerName: w.sellerName,
      platformName: w.platformName,
      failingItems: w.failingItems,
      risk: w.risk,
      advice: w.advice,
      proposedBy: w.proposedBy,
      proposedAt: w.proposedAt.toISOString(),
      decidedBy: w.decidedBy,
      decidedAt: w.decidedAt?.toISOString() ?? null,
      decisionReason: w.decisionReason,
      withdrawnBy: w.withdrawnBy,
      withdrawnAt: w.withdrawnAt?.toISOString() ?? null,
      withdrawalReason: w.withdrawalReason,
    };
  }
}
