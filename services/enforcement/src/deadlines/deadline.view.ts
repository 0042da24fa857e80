import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICANT_ROLES, NOTICE_RECIPIENTS } from '@qis/contracts';
import { DEADLINE_KINDS } from '../kernel/deadline.entity';

/** One legal deadline still running (or breached and still open), with its countdown in working days. */
export class DeadlineView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: DEADLINE_KINDS,
    description:
      'result-notice: a result notice to send within 5 working days of the report; objection-window: the 15-day objection period closing; reinspection-procedures: 7 days to complete re-inspection procedures; case-overdue: a case to close',
  })
  kind!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date', description: 'the last day (Asia/Shanghai)' }) dueDate!: string;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description:
      "working days left on enforcement's calendar (0: due today; negative: working days overdue); null when the year's holiday schedule is unknown",
  })
  workingDaysLeft!: number | null;
  @ApiProperty({ description: "past its end on enforcement's clock" }) overdue!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) noticeId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) noticeNumber!: string | null;
  @ApiPropertyOptional({ enum: NOTICE_RECIPIENTS, nullable: true }) recipient!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) recipientName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) objectionId!: string | null;
  @ApiPropertyOptional({ enum: APPLICANT_ROLES, nullable: true }) applicantRole!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) applicantName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) caseId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) caseStatus!: string | null;
}
