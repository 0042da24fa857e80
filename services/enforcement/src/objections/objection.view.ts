import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICANT_ROLES } from '@qis/contracts';
import type { Objection } from './objection.entity';
import { ObjectionMaterials } from './objection-materials';

export class ObjectionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty({ enum: APPLICANT_ROLES }) applicantRole!: string;
  @ApiProperty() applicantName!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) applicantUnifiedSocialCreditCode!: string | null;
  @ApiProperty({ enum: ['filed', 'refused', 'approved', 'rejected', 'waived', 're-inspecting', 'completed'] })
  status!: string;
  @ApiProperty({ format: 'date-time' }) noticeReceivedAt!: string;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
  @ApiProperty({ format: 'date', description: 'last day to object (Asia/Shanghai)' }) windowLastDay!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'why a late objection was refused, with the dates',
  })
  refusalReason!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) decidedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionReason!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the re-inspection lab, once lab-gateway drew it',
  })
  reinspectionLabName!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'when the re-inspection lab became known; the 7 days run from that day',
  })
  labNotifiedAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'procedures must be complete by then, else waived (null until the lab is known)',
  })
  completeBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) proceduresCompletedAt!:
    string | null;

  @ApiPropertyOptional({
    type: ObjectionMaterials,
    nullable: true,
    description:
      "the applicant's materials checklist (each received or missing); null when none was recorded",
  })
  materials!: ObjectionMaterials | null;

  static of(o: Objection): ObjectionView {
    return {
      id: o.id,
      batchNumber: o.batchNumber,
      applicantRole: o.applicantRole,
      applicantName: o.applicantName,
      applicantUnifiedSocialCreditCode: o.applicantUscc,
      status: o.status,
      noticeReceivedAt: o.noticeReceivedAt.toISOString(),
      filedAt: o.filedAt.toISOString(),
      windowLastDay: o.windowLastDay,
      refusalReason: o.refusalReason,
      decidedAt: o.decidedAt?.toISOString() ?? null,
      decisionReason: o.decisionReason,
      reinspectionLabName: o.reinspectionLabName,
      labNotifiedAt: o.labNotifiedAt?.toISOString() ?? null,
      completeBy: o.completeBy?.toISOString() ?? null,
      proceduresCompletedAt: o.proceduresCompletedAt?.toISOString() ?? null,
      materials: o.materials,
    };
  }
}
