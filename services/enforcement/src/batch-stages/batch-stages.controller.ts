import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentPrincipal,
  jurisdictionPrefix,
  notFound,
  Policy,
  queryScope,
  type Principal,
} from '@qis/auth';
import { BatchNumberParams, BatchStagesView, type BatchStageView } from '@qis/runtime';
import { DataSource } from 'typeorm';

const UNRESTRICTED = ['planner', 'approver', 'auditor', 'admin'] as const;

interface BatchRow {
  final_at: Date | null;
  final_basis: string | null;
  initial_report: { verdict?: string; reportNumber?: string } | null;
  reinspection_report: { verdict?: string; reportNumber?: string } | null;
}
interface NoticeRow {
  id: string;
  kind: string;
  recipient: string;
  recipient_name: string;
  channel: string;
  notice_number: string;
  report_number: string | null;
  due_at: Date | null;
  sent_at: Date | null;
  received_at: Date | null;
  created_at: Date;
  withdrawn_at: Date | null;
}
interface ObjectionRow {
  id: string;
  applicant_role: string;
  filed_at: Date;
  window_last_day: string;
  status: string;
  decided_at: Date | null;
  decided_by: string | null;
  decision_reason: string | null;
  complete_by: Date | null;
  procedures_completed_at: Date | null;
}
interface CaseRow {
  id: string;
  rule: string;
  authority: { name?: string };
  area_code: string;
  copied_to: unknown;
  status: string;
  due_at: Date;
  routed_at: Date;
  closed_at: Date | null;
  summary: string | null;
}

/** Met when done by the due time; missed once the due time passed undone; open (null) before. */
const metBy = (due: Date, done: Date | null, now: number): boolean | null =>
  done ? done <= due : now > due.getTime() ? false : null;

/**
 * Enforcement's part of a batch's story: result notices and their 5-working-day deadline,
 * objections, the final result, routing to the authority and the case's close. An officer sees a
 * batch only once it is routed to their jurisdiction; before that, and elsewhere, it is "missing".
 */
@ApiTags('batches')
@Controller('batches')
export class BatchStagesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':batchNumber/stages')
  @Policy({ roles: [...UNRESTRICTED, 'enforcement-officer'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      "Enforcement's stages of a batch: notified, objected, final, routed, closed; an officer only for batches routed to their jurisdiction",
  })
  @ApiOkResponse({ type: BatchStagesView })
  @ApiNotFoundResponse({ description: 'no such batch, or not routed to the calling officer' })
  async stages(
    @Param() { batchNumber }: BatchNumberParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchStagesView> {
    const scope = queryScope(principal, 'jurisdiction', UNRESTRICTED);
    if (scope.kind === 'none') throw notFound('batch', batchNumber);
    const m = this.dataSource.manager;
    const [kase]: CaseRow[] = await m.query(
      `select id, rule, authority, area_code, copied_to, status, due_at, routed_at, closed_at, summary
         from enforcement_case where batch_number = $1`,
      [batchNumber],
    );
    if (scope.kind === 'own' && !(kase && kase.area_code.startsWith(jurisdictionPrefix(scope.value))))
      throw notFound('batch', batchNumber);
    const [batch]: BatchRow[] = await m.query(
      `select final_at, final_basis, initial_report, reinspection_report from enforcement_batch where batch_number = $1`,
      [batchNumber],
    );
    if (!batch) throw notFound('batch', batchNumber);
    const notices: NoticeRow[] = await m.query(
      `select id, kind, recipient, recipient_name, channel, notice_number, report_number, due_at, sent_at,
              received_at, created_at, withdrawn_at
         from notice where batch_number = $1 and kind in ('result', 'reinspection-result') order by created_at`,
      [batchNumber],
    );
    const objections: ObjectionRow[] = await m.query(
      `select id, applicant_role, filed_at, window_last_day::text as window_last_day, status, decided_at, decided_by,
              decision_reason, complete_by, procedures_completed_at
         from objection where batch_number = $1 order by filed_at`,
      [batchNumber],
    );
    const now = Date.now();
    const stages: BatchStageView[] = [
      ...notices.map((n): BatchStageView => ({
        stage: 'notified',
        at: (n.sent_at ?? n.created_at).toISOString(),
        actor: null,
        ...(n.due_at
          ? {
              deadline: {
                due: n.due_at.toISOString(),
                met: metBy(n.due_at, n.sent_at, now),
                rule: 'result notice within 5 working days of receiving the report (seed 003 §5)',
              },
            }
          : {}),
        facts: {
          noticeId: n.id,
          noticeNumber: n.notice_number,
          kind: n.kind,
          recipient: n.recipient,
          recipientName: n.recipient_name,
          channel: n.channel,
          reportNumber: n.report_number,
          sentAt: n.sent_at?.toISOString() ?? null,
          receivedAt: n.received_at?.toISOString() ?? null,
          withdrawn: n.withdrawn_at !== null,
        },
      })),
      ...objections.map((o): BatchStageView => ({
        stage: 'objected',
        at: o.filed_at.toISOString(),
        actor: o.decided_by,
        ...(o.complete_by
          ? {
              deadline: {
                due: o.complete_by.toISOString(),
                met: metBy(o.complete_by, o.procedures_completed_at, now),
                rule: 'applicant and lab complete the re-inspection procedures within 7 days (seed 003 §6)',
              },
            }
          : {}),
        facts: {
          objectionId: o.id,
          applicant: o.applicant_role,
          windowLastDay: o.window_last_day,
          status: o.status,
          decidedAt: o.decided_at?.toISOString() ?? null,
          decisionReason: o.decision_reason,
        },
      })),
      ...(batch.final_at
        ? [
            {
              stage: 'final' as const,
              at: batch.final_at.toISOString(),
              actor: null,
              facts: {
                basis: batch.final_basis,
                verdict: (batch.reinspection_report ?? batch.initial_report)?.verdict ?? null,
                reportNumber: (batch.reinspection_report ?? batch.initial_report)?.reportNumber ?? null,
              },
            },
          ]
        : []),
      ...(kase
        ? [
            {
              stage: 'routed' as const,
              at: kase.routed_at.toISOString(),
              actor: null,
              deadline: {
                due: kase.due_at.toISOString(),
                met: metBy(kase.due_at, kase.closed_at, now),
                rule: 'the authority closes the case within the configured days (CASE_DUE_DAYS)',
              },
              facts: {
                caseId: kase.id,
                rule: kase.rule,
                authority: kase.authority?.name ?? null,
                areaCode: kase.area_code,
                copiedTo: kase.copied_to,
                status: kase.status,
              },
            },
          ]
        : []),
      ...(kase?.closed_at
        ? [
            {
              stage: 'closed' as const,
              at: kase.closed_at.toISOString(),
              actor: null,
              facts: { caseId: kase.id, summary: kase.summary },
            },
          ]
        : []),
    ];
    return { batchNumber, stages: stages.sort((x, y) => x.at.localeCompare(y.at)) };
  }
}
