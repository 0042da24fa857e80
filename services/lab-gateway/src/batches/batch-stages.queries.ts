import { Injectable } from '@nestjs/common';
import { endOfShanghaiDay } from '@qis/domain';
import type { BatchStagesView, BatchStageView } from '@qis/runtime';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';

interface AssignmentRow {
  id: string;
  purpose: string;
  lab_id: string;
  lab_name: string;
  sample_code: string;
  sample_role: string;
  draw_seed: string;
  candidates: number;
  dispatched_at: Date;
  due_on: string;
  status: string;
  reported_at: Date | null;
}

interface ReportRow {
  id: string;
  report_number: string;
  lab_id: string;
  assignment_id: string;
  amends_report_id: string | null;
  verdict: string;
  failing_items: string[];
  report_document_id: string;
  authorised_by: string;
  issued_at: Date;
  received_at: Date;
}

/** The lab gateway's part of a batch's story, read for the batch view. */
@Injectable()
export class BatchStagesQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The batch's dispatches and reports; with `lab`, only that lab's. `seesReport`: whether the
   * report document's evidence id is shown. Null when nothing of the batch was dispatched (to the lab).
   */
  async stages(
    batchNumber: string,
    { lab, seesReport }: { lab: string | null; seesReport: boolean },
  ): Promise<BatchStagesView | null> {
    const own = lab !== null ? ' and lab_id = $2' : '';
    const params = lab !== null ? [batchNumber, lab] : [batchNumber];
    const assignments: AssignmentRow[] = await this.dataSource.query(
      `select a.id, a.purpose, a.lab_id, a.lab_name, a.sample_code, a.sample_role, a.draw_seed,
              cardinality(a.candidate_lab_ids) as candidates, a.dispatched_at, a.due_on::text as due_on, a.status,
              (select min(r.received_at) from report r where r.assignment_id = a.id) as reported_at
         from assignment a where a.batch_number = $1${own.replace('lab_id', 'a.lab_id')}
        order by a.dispatched_at`,
      params,
    );
    if (assignments.length === 0) return null;
    const reports: ReportRow[] = await this.dataSource.query(
      `select id, report_number, lab_id, assignment_id, amends_report_id, verdict, failing_items,
              report_document_id, authorised_by, issued_at, received_at
         from report where batch_number = $1${own} order by received_at`,
      params,
    );
    const now = this.clock.now().getTime();
    const stages: BatchStageView[] = [
      ...assignments.map((a): BatchStageView => {
        const due = endOfShanghaiDay(a.due_on);
        const met = a.reported_at ? a.reported_at <= due : now > due.getTime() ? false : null;
        return {
          stage: 'dispatched',
          at: a.dispatched_at.toISOString(),
          actor: null,
          deadline: {
            due: due.toISOString(),
            met,
            rule: "report within the lab's contracted turnaround (working days)",
          },
          facts: {
            purpose: a.purpose,
            labId: a.lab_id,
            labName: a.lab_name,
            sampleCode: a.sample_code,
            sampleRole: a.sample_role,
            drawSeed: a.draw_seed,
            candidates: Number(a.candidates),
            status: a.status,
          },
        };
      }),
      ...reports.map((r): BatchStageView => ({
        stage: 'reported',
        at: r.received_at.toISOString(),
        actor: r.authorised_by,
        ...(seesReport ? { evidence: [{ objectId: r.report_document_id, kind: 'lab-report' }] } : {}),
        facts: {
          reportId: r.id,
          reportNumber: r.report_number,
          labId: r.lab_id,
          verdict: r.verdict,
          failingItems: r.failing_items,
          issuedAt: r.issued_at.toISOString(),
          amendsReportId: r.amends_report_id,
        },
      })),
    ];
    return { batchNumber, stages: stages.sort((x, y) => x.at.localeCompare(y.at)) };
  }
}
