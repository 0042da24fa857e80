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
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'the routing policy row that applied (ROUTING_POLICY id, e.g. province-seller-outside-platform)',
  })
  policyRow!: string | null;
  @ApiProperty({
    type: String,
    isArray: true,
    description: 'why that row applied: the facts located (area codes as they were) and the rule, in order',
  })
  policyReasons!: string[];
  @ApiProperty() sellerName!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) sellerUnifiedSocialCreditCode!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) platform!: string | null;
  @ApiProperty({ enum: ['routed', 'accepted', 'investigating', 'closed'] }) status!: string;
  @ApiPropertyOptional({ enum: CASE_OUTCOMES, isArray: true, nullable: true }) outcomes!: string[] | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) penaltyFen!: number | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'penalty decision number (处罚决定书文号)',
  })
  penaltyDecisionNumber!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'legal basis of the outcome (法律依据)' })
  legalBasis!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) summary!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time' }) routedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) acceptedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) closedAt!: string | null;
  @ApiPropertyOptional({ description: "open and past its due date on enforcement's clock" })
  overdue?: boolean;

  static of(c: EnforcementCase, now?: Date): CaseView {
    return {
      id: c.id,
      batchNumber: c.batchNumber,
      rule: c.rule,
      authority: c.authority,
      copiedTo: c.copiedTo,
      explanation: c.explanation,
      policyRow: c.policyRow ?? null,
      policyReasons: c.policyReasons ?? [],
      sellerName: c.sellerName,
      sellerUnifiedSocialCreditCode: c.sellerUscc,
      platform: c.platform,
      status: c.status,
      outcomes: c.outcomes,
      penaltyFen: c.penaltyFen,
      penaltyDecisionNumber: c.penaltyDecisionNumber ?? null,
      legalBasis: c.legalBasis ?? null,
      summary: c.summary,
      dueAt: c.dueAt.toISOString(),
      routedAt: c.routedAt.toISOString(),
      acceptedAt: c.acceptedAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
      ...(now ? { overdue: c.status !== 'closed' && c.dueAt.getTime() < now.getTime() } : {}),
    };
  }
}
