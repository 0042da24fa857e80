import { Injectable } from '@nestjs/common';
import type { BatchStageView, BatchStagesView } from '@qis/runtime';
import { DataSource } from 'typeorm';
import { EnforcementCase } from '../cases/enforcement-case.entity';
import { Clock } from '../kernel/clock';

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
  evidence_object_id: string | null;
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

/** Who did it, from the audit log: a staff member's login subject; `system` (a rule) is no one. */
interface ActorRow {
  entity_id: string;
  action: string;
  actor: string;
}

/** Met when done by the due time; missed once the due time passed undone; open (null) before. */
const metBy = (due: Date, done: Date | null, now: number): boolean | null =>
  done ? done <= due : now > due.getTime() ? false : null;

/**
 * What enforcement knows of a batch's story, read for the batch view: result notices and their
 * 5-working-day deadline, objections, the final result, routing to the authority and the case's close.
 */
@Injectable()
export class BatchStagesQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The stages of a batch, with the notices' evidence ids when `seesEvidence`; null for no such batch.
   * The caller's scope is the controller's to check first.
   */
  async stages(batchNumber: string, seesEvidence: boolean): Promise<BatchStagesView | null> {
    const m = this.dataSource.manager;
    const kase = await m.getRepository(EnforcementCase).findOneBy({ batchNumber });
    const [batch]: BatchRow[] = await m.query(
      `select final_at, final_basis, initial_report, reinspection_report from enforcement_batch where batch_number = $1`,
      [batchNumber],
    );
    if (!batch) return null;
    const notices: NoticeRow[] = await m.query(
      `select id, kind, recipient, recipient_name, channel, notice_number, report_number, due_at, sent_at,
              received_at, created_at, withdrawn_at, evidence_object_id
         from notice where batch_number = $1 and kind in ('result', 'reinspection-result') order by created_at`,
      [batchNumber],
    );
    const objections: ObjectionRow[] = await m.query(
      `select id, applicant_role, filed_at, window_last_day::text as window_last_day, status, decided_at, decided_by,
              decision_reason, complete_by, procedures_completed_at
         from objection where batch_number = $1 order by filed_at`,
      [batchNumber],
    );
    const actors = await this.actors(
      notices.map((n) => n.id),
      objections.map((o) => o.id),
      kase?.id ?? null,
    );
    const now = this.clock.now().getTime();
    const stages: BatchStageView[] = [
      ...notices.map((n): BatchStageView => ({
        stage: 'notified',
        at: (n.sent_at ?? n.created_at).toISOString(),
        // The officer who recorded the delivery; a notice not sent yet, or published, has none.
        actor: actors.get(`notice.delivery:${n.id}`) ?? null,
        ...(n.due_at
          ? {
              deadline: {
                due: n.due_at.toISOString(),
                met: metBy(n.due_at, n.sent_at, now),
                rule: 'result notice within 5 working days of receiving the report (seed 003 §5)',
              },
            }
          : {}),
        ...(seesEvidence && n.evidence_object_id
          ? { evidence: [{ objectId: n.evidence_object_id, kind: 'notice' }] }
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
        // The officer who recorded the written objection; the approver's decision is a fact.
        actor: actors.get(`objection.file:${o.id}`) ?? null,
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
          decidedBy: o.decided_by,
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
              at: kase.routedAt.toISOString(),
              // Routed by the rule (null), or re-routed / triaged by a staff member.
              actor: actors.get(`case.route:${kase.id}`) ?? null,
              deadline: {
                due: kase.dueAt.toISOString(),
                met: metBy(kase.dueAt, kase.closedAt, now),
                rule: 'the authority closes the case within the configured days (CASE_DUE_DAYS)',
              },
              facts: {
                caseId: kase.id,
                rule: kase.rule,
                authority: kase.authority?.name ?? null,
                areaCode: kase.areaCode,
                copiedTo: kase.copiedTo,
                explanation: kase.explanation,
                status: kase.status,
                acceptedAt: kase.acceptedAt?.toISOString() ?? null,
              },
            },
          ]
        : []),
      ...(kase?.closedAt
        ? [
            {
              stage: 'closed' as const,
              at: kase.closedAt.toISOString(),
              actor: actors.get(`case.close:${kase.id}`) ?? null,
              facts: {
                caseId: kase.id,
                outcomes: kase.outcomes,
                penaltyFen: kase.penaltyFen,
                summary: kase.summary,
              },
            },
          ]
        : []),
    ];
    return { batchNumber, stages: stages.sort((x, y) => x.at.localeCompare(y.at)) };
  }

  /**
   * The staff behind each step, keyed `<action>:<entity id>`: the first delivery record of a
   * notice, the filing of an objection, the latest routing of the case and its close.
   */
  private async actors(
    noticeIds: string[],
    objectionIds: string[],
    caseId: string | null,
  ): Promise<Map<string, string>> {
    const rows: ActorRow[] = await this.dataSource.query(
      `select distinct on (step, entity_id) entity_id, step as action, actor
         from (select entity_id, actor, occurred_at, entity_type,
                      case when action = 'case.reroute' then 'case.route' else action end as step
                 from audit_log
                where actor <> 'system' and outcome <> 'denied'
                  and ((entity_type = 'notice' and action = 'notice.delivery' and entity_id = any($1::text[]))
                    or (entity_type = 'objection' and action = 'objection.file' and entity_id = any($2::text[]))
                    or (entity_type = 'case' and action in ('case.route', 'case.reroute', 'case.close')
                        and entity_id = $3))) steps
        order by step, entity_id,
                 case when entity_type = 'notice' then occurred_at end asc,
                 occurred_at desc`,
      [noticeIds, objectionIds, caseId],
    );
    return new Map(rows.map((r) => [`${r.action}:${r.entity_id}`, r.actor]));
  }
}
