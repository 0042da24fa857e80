import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICANT_ROLES } from '@qis/contracts';
import type { Objection } from './objection.entity';
import {
  MATERIAL_ITEMS,
  MATERIAL_LABELS,
  materialRequired,
  missingMaterials,
  ObjectionMaterials,
  type MaterialItem,
} from './objection-materials';
import { ObjectionMaterialView } from './objection-material.view';
import {
  PROCEDURES_PERIOD_STATES,
  proceduresPeriodState,
  type ProceduresPeriodState,
} from './procedures-period';

// The released contract's statuses: a back-dated filing awaiting its second officer shows as
// `filed` with `filingAwaitingConfirmation` (a new status value would break release 1.0.0).
const STATUSES = ['filed', 'refused', 'approved', 'rejected', 'waived', 're-inspecting', 'completed'];

export class ObjectionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty({ enum: APPLICANT_ROLES }) applicantRole!: string;
  @ApiProperty() applicantName!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) applicantUnifiedSocialCreditCode!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the authorised person (被授权人) who filed for the applicant',
  })
  agentName!: string | null;
  @ApiProperty({ enum: STATUSES })
  status!: string;
  @ApiProperty({
    description:
      'filed on an earlier day than it was recorded and waiting for a second officer (POST /objections/{id}/filing-confirmation): until confirmed it is not published, cannot be decided, and holds the result open',
  })
  filingAwaitingConfirmation!: boolean;
  @ApiProperty({ format: 'date-time' }) noticeReceivedAt!: string;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'what a filing dated on an earlier day than it was recorded rests on',
  })
  filingReason!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the officer who recorded a back-dated filing',
  })
  filingRecordedBy!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the second officer who confirmed a back-dated filing',
  })
  filingConfirmedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) filingConfirmedAt!:
    string | null;
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
    description:
      'when the re-inspection lab became known (its dispatch): the 《复检机构确定通知书》 are issued then',
  })
  labNotifiedAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description:
      'when the applicant received the 《复检机构确定通知书》 (GET /objections/{id}/lab-notices): the 7 days for the procedures run from that day',
  })
  labNoticeReceivedAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description:
      "procedures must be complete by then, else waived (null until the applicant's receipt of the 《复检机构确定通知书》 is on record, or while that year's holiday schedule is not loaded)",
  })
  completeBy!: string | null;
  @ApiPropertyOptional({
    enum: PROCEDURES_PERIOD_STATES,
    nullable: true,
    description:
      "the 7-day procedures period of an approved re-inspection: awaiting-lab (not drawn yet), awaiting-receipt (the applicant has not received the 《复检机构确定通知书》: pending), awaiting-calendar (the year's holiday schedule is missing), running (until completeBy), ended (procedures completed or waived); null before approval",
  })
  proceduresPeriod!: ProceduresPeriodState | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) proceduresCompletedAt!:
    string | null;

  @ApiPropertyOptional({
    type: ObjectionMaterials,
    nullable: true,
    description: "the applicant's materials, each received or missing (the states of `checklist`)",
  })
  materials!: ObjectionMaterials | null;

  @ApiProperty({
    type: ObjectionMaterialView,
    isArray: true,
    description: 'the materials checklist (operating rules §6), in the order the rules name the items',
  })
  checklist!: ObjectionMaterialView[];

  @ApiProperty({
    enum: MATERIAL_ITEMS,
    isArray: true,
    description: 'required items still missing: while any is, a re-inspection cannot be approved (422)',
  })
  missingMaterials!: MaterialItem[];

  static of(o: Objection): ObjectionView {
    const byAgent = o.agentName !== null;
    return {
      id: o.id,
      batchNumber: o.batchNumber,
      applicantRole: o.applicantRole,
      applicantName: o.applicantName,
      applicantUnifiedSocialCreditCode: o.applicantUscc,
      agentName: o.agentName,
      status: o.status === 'awaiting-confirmation' ? 'filed' : o.status,
      filingAwaitingConfirmation: o.status === 'awaiting-confirmation',
      noticeReceivedAt: o.noticeReceivedAt.toISOString(),
      filedAt: o.filedAt.toISOString(),
      filingReason: o.filingReason,
      filingRecordedBy: o.filingRecordedBy,
      filingConfirmedBy: o.filingConfirmedBy,
      filingConfirmedAt: o.filingConfirmedAt?.toISOString() ?? null,
      windowLastDay: o.windowLastDay,
      refusalReason: o.refusalReason,
      decidedAt: o.decidedAt?.toISOString() ?? null,
      decisionReason: o.decisionReason,
      reinspectionLabName: o.reinspectionLabName,
      labNotifiedAt: o.labNotifiedAt?.toISOString() ?? null,
      labNoticeReceivedAt: o.labNoticeReceivedAt?.toISOString() ?? null,
      completeBy: o.completeBy?.toISOString() ?? null,
      proceduresPeriod: proceduresPeriodState(o),
      proceduresCompletedAt: o.proceduresCompletedAt?.toISOString() ?? null,
      materials: Object.fromEntries(
        MATERIAL_ITEMS.map((item) => [item, o.materials[item].state]),
      ) as unknown as ObjectionMaterials,
      checklist: MATERIAL_ITEMS.map((item) =>
        ObjectionMaterialView.of(
          item,
          MATERIAL_LABELS[item],
          materialRequired(item, byAgent),
          o.materials[item],
        ),
      ),
      missingMaterials: missingMaterials(o.materials, byAgent),
    };
  }
}
