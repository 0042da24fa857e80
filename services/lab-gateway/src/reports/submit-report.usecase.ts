import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { ReportIssued } from '@qis/contracts';
import { EvidenceReferenceChecker } from '@qis/evidence-client';
import type { FieldError } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { notFound } from '@qis/auth';
import { ASSIGNMENT_COLUMNS, assignmentOfRow } from '../dispatch/assignment-row';
import { loadOwnAssignment } from '../lab-api/load-own-assignment';
import { stateConflict } from '../lab-api/state-conflict';
import { conflict, ConflictError, ErrorCode, shanghaiDate, UnprocessableError } from '@qis/domain';
import { Report } from './report.entity';
import { reportProblems } from './report-rules';
import type { ReportContent } from './report-content';
import { ReportView } from './report.view';
import type { SubmitReportCommand } from './submit-report.command';
import { Clock } from '../clock/clock';

/**
 * A lab's report on its accepted assignment: checked against the category's test items and for
 * consistency (422 with every reason), stored, and published as report-issued with the overall
 * verdict and the failing items. An amended report names the latest report it replaces.
 */
interface ReportContext {
  catalogue: Array<[string, boolean]>;
  previous: Array<{ id: string; reportNumber: string; amendsReportId: string | null }>;
  numberTaken: boolean;
  lab: { name: string; address: string };
}

const reportNumberTaken = (reportNumber: string): ConflictError =>
  conflict(
    `report number ${reportNumber} is already used by another report of this lab`,
    ErrorCode.reportNumberTaken,
  );

const uniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';

@Injectable()
export class SubmitReportUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
    private readonly evidence: EvidenceReferenceChecker,
    private readonly clock: Clock,
  ) {}

  /**
   * The signed PDF, as the lab itself can see it in the evidence service (its own upload): asked
   * before the report's transaction opens, so no row stays locked while that service answers.
   * An assignment the lab cannot see has nothing to verify: `execute` answers it (404).
   */
  async documentProblems(
    labId: string | null,
    assignmentId: string,
    cmd: SubmitReportCommand,
    authorization: string,
  ): Promise<FieldError[]> {
    if (!this.evidence.enabled) return [];
    let batchNumber: string;
    try {
      const assignment = await loadOwnAssignment(this.dataSource.manager, labId, assignmentId, {
        lock: false,
      });
      // A sandbox report's PDF is not looked up: there is no real batch to hold it.
      if (assignment.sandbox) return [];
      batchNumber = assignment.batchNumber;
    } catch {
      return [];
    }
    return this.evidence.problems(
      [{ field: 'reportDocumentId', objectId: cmd.reportDocumentId, kind: 'lab-report', batchNumber }],
      authorization,
    );
  }

  /** In the caller's transaction, with the `documentProblems` found before it opened. */
  async execute(
    manager: EntityManager,
    labId: string | null,
    assignmentId: string,
    cmd: SubmitReportCommand,
    actor: AuditActor,
    documentProblems: readonly FieldError[],
  ): Promise<ReportView> {
    // The locked assignment and everything the rules need besides it, in one round trip.
    if (labId === null) throw notFound('assignment', assignmentId);
    const [row] = (await manager.query(
      `with own as (select ${ASSIGNMENT_COLUMNS} from assignment where id = $1 and lab_id = $2 for update)
       select own.*,
         (select coalesce(json_agg(json_build_array(item, mandatory)), '[]') from test_item
           where category = own.category) as report_catalogue,
         (select coalesce(json_agg(json_build_object('id', id, 'reportNumber', report_number,
                  'amendsReportId', amends_report_id) order by received_at, id), '[]')
           from report where assignment_id = own.id) as report_previous,
         exists (select 1 from report where lab_id = own.lab_id and report_number = $3) as report_number_taken,
         (select json_build_object('name', name, 'address', address) from lab where id = own.lab_id) as report_lab
       from own`,
      [assignmentId, labId, cmd.reportNumber],
    )) as Array<Record<string, unknown>>;
    if (!row) throw notFound('assignment', assignmentId);
    const assignment = assignmentOfRow(row);
    if (!['accepted', 'in-progress', 'reported'].includes(assignment.status))
      throw stateConflict(`assignment ${assignmentId} is ${assignment.status}; accept it before reporting`);
    const context: ReportContext = {
      catalogue: row['report_catalogue'] as ReportContext['catalogue'],
      previous: row['report_previous'] as ReportContext['previous'],
      numberTaken: row['report_number_taken'] as boolean,
      lab: row['report_lab'] as ReportContext['lab'],
    };
    const previous = context.previous;
    const amended = new Set(previous.map((r) => r.amendsReportId));
    const latest = previous.find((r) => !amended.has(r.id)) ?? null;
    const now = this.clock.now();
    const problems = reportProblems(cmd, {
      category: assignment.category,
      catalogue: new Map(context.catalogue),
      sampleCode: assignment.sampleCode,
      dispatchedOn: shanghaiDate(assignment.dispatchedAt),
      today: shanghaiDate(now),
      now,
      latestReportNumber: latest?.reportNumber ?? null,
      reportNumbers: previous.map((r) => r.reportNumber),
    });
    problems.push(...documentProblems);
    if (problems.length > 0) {
      throw new UnprocessableError(ErrorCode.reportRejected, 'report rejected', { errors: problems });
    }
    if (context.numberTaken) throw reportNumberTaken(cmd.reportNumber);

    const lab = context.lab;
    const content: ReportContent = {
      reportNumber: cmd.reportNumber,
      ...(cmd.amendsReportNumber ? { amendsReportNumber: cmd.amendsReportNumber } : {}),
      ...(cmd.amendmentReason ? { amendmentReason: cmd.amendmentReason } : {}),
      labName: lab.name,
      labAddress: lab.address,
      sample: { ...cmd.sample },
      testedFrom: cmd.testedFrom,
      testedTo: cmd.testedTo,
      ...(cmd.testLocation ? { testLocation: cmd.testLocation } : {}),
      items: cmd.items.map((i) => ({ ...i })),
      verdict: cmd.verdict,
      failingItems: [...cmd.failingItems],
      ...(cmd.deviations ? { deviations: cmd.deviations } : {}),
      reportDocumentId: cmd.reportDocumentId,
      authorisedBy: cmd.authorisedBy,
      authorisedTitle: cmd.authorisedTitle,
      issuedAt: cmd.issuedAt,
    };
    const report: Report = {
      id: randomUUID(),
      reportNumber: cmd.reportNumber,
      labId: assignment.labId,
      assignmentId,
      batchNumber: assignment.batchNumber,
      amendsReportId: latest && cmd.amendsReportNumber ? latest.id : null,
      verdict: cmd.verdict,
      failingItems: [...cmd.failingItems],
      content,
      reportDocumentId: cmd.reportDocumentId,
      documentVerification: this.evidence.enabled ? 'verified' : 'not-verified',
      authorisedBy: cmd.authorisedBy,
      issuedAt: new Date(cmd.issuedAt),
      receivedAt: now,
    };
    try {
      await manager.query(
        `with stored as (
           insert into report (id, report_number, lab_id, assignment_id, batch_number, amends_report_id,
             verdict, failing_items, content, report_document_id, authorised_by, issued_at, received_at,
             document_verification)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14))
         update assignment set status = 'reported', updated_at = $13 where id = $4`,
        [
          report.id,
          report.reportNumber,
          report.labId,
          report.assignmentId,
          report.batchNumber,
          report.amendsReportId,
          report.verdict,
          JSON.stringify(report.failingItems),
          JSON.stringify(report.content),
          report.reportDocumentId,
          report.authorisedBy,
          report.issuedAt,
          report.receivedAt,
          report.documentVerification,
        ],
      );
    } catch (error) {
      // The number taken meanwhile by a concurrent report of this lab on another assignment.
      if (uniqueViolation(error)) throw reportNumberTaken(cmd.reportNumber);
      throw error;
    }
    // A sandbox assignment's report stays here: it belongs to no real batch.
    if (!assignment.sandbox)
      await this.outbox.publish(manager, [
        {
          contract: ReportIssued,
          key: assignment.batchNumber,
          value: {
            batchNumber: assignment.batchNumber,
            reportNumber: cmd.reportNumber,
            ...(cmd.amendsReportNumber ? { amendsReportNumber: cmd.amendsReportNumber } : {}),
            purpose: assignment.purpose,
            labId: assignment.labId,
            labName: lab.name,
            sampleCode: assignment.sampleCode,
            verdict: cmd.verdict,
            items: cmd.items.map((i) => ({
              item: i.item,
              standard: i.standard,
              requirement: i.requirement,
              measuredValue: i.measuredValue,
              ...(i.unit ? { unit: i.unit } : {}),
              verdict: i.verdict,
            })),
            failingItems: [...cmd.failingItems],
            reportDocumentId: cmd.reportDocumentId,
            authorisedBy: cmd.authorisedBy,
            issuedAt: new Date(cmd.issuedAt).toISOString(),
            // The bureau's receipt of the result (§6): the 5 working days of the result notice run from it.
            receivedAt: report.receivedAt.toISOString(),
          },
        },
      ]);
    await this.audit.record(
      actor,
      {
        action: cmd.amendsReportNumber ? 'report.amend' : 'report.submit',
        entityType: 'report',
        entityId: report.id,
        detail: {
          reportNumber: cmd.reportNumber,
          amendsReportNumber: cmd.amendsReportNumber ?? null,
          assignmentId,
          batchNumber: assignment.batchNumber,
          verdict: cmd.verdict,
          reportDocumentId: cmd.reportDocumentId,
        },
      },
      manager,
    );
    return ReportView.of(report);
  }
}
