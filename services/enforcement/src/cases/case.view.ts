import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Authority, CASE_OUTCOMES, ROUTING_RULES } from '@qis/contracts';
import type { EnforcementCase } from './enforcement-case.entity';

export class CaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty({ enum: ROUTING_RULES }) rule!: string;
  @ApiProperty({ type: Authority }) authority!: Authority;
  @ApiProperty({ type: Authority, isArray: true }) copiedTo!: Authority[];
  @ApiProperty({ description: 'why the rule chose this authority' }) explanation!: string;
  @ApiProperty() sellerName!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) sellerUnifiedSocialCreditCode!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) platform!: string | null;
  @ApiProperty({ enum: ['routed', 'accepted', 'investigating', 'closed'] }) status!: string;
  @ApiPropertyOptional({ enum: CASE_OUTCOMES, isArray: true, nullable: true }) outcomes!: string[] | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) penaltyFen!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) summary!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time' }) routedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) acceptedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) closedAt!: string | null;

  static of(c: EnforcementCase): CaseView {
    return {
      id: c.id,
      batchNumber: c.batchNumber,
      rule: c.rule,
      authority: c.authority,
      copiedTo: c.copiedTo,
      explanation: c.explanation,
      sellerName: c.sellerName,
      sellerUnifiedSocialCreditCode: c.sellerUscc,
      platform: c.platform,
      status: c.status,
      outcomes: c.outcomes,
      penaltyFen: c.penaltyFen,
      summary: c.summary,
      dueAt: c.dueAt.toISOString(),
      routedAt: c.routedAt.toISOString(),
      acceptedAt: c.acceptedAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
    };
  }
}
