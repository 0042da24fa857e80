import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { ReportIssued } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import type { EntityManager } from 'typeorm';
import { Assignment } from '../dispatch/assignment.entity';
import { loadOwnAssignment } from '../lab-api/load-own-assignment';
import { stateConflict } from '../lab-api/state-conflict';
import { Lab } from '../labs/lab.entity';
import { shanghaiDay } from '../shared/shanghai-day';
import { TestItem } from '../test-items/test-item.entity';
import { Report } from './report.entity';
import { reportProblems } from './report-rules';
import type { ReportContent } from './report-content';
import { ReportView } from './report.view';
import type { SubmitReportCommand } from './submit-report.command';

/**
 * A lab's report on its accepted assignment: checked against the category's test items and for
 * consistency (422 with every reason), stored, and published as report-issued with the overall
 * verdict and the failing items. An amended report names the latest report it replaces.
 */
@Injectable()
export class SubmitReportUseCase {
  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
  ) {}

  async execute(
    manager: EntityManager,
    labId: string | null,
    assignmentId: string,
    cmd: SubmitReportCommand,
    actor: AuditActor,
  ): Promise<ReportView> {
    const assignment = await loadOwnAssignment(manager, labId, assignmentId);
    if (!['accepted', 'in-progress', 'reported'].includes(assignment.status))
      throw stateConflict(`assignment ${assignmentId} is ${assignment.status}; accept it before reporting`);

    const catalogue = await manager.findBy(TestItem, { category: assignment.category });
    const previous = await manager.find(Report, { where: { assignmentId }, order: { receivedAt: 'ASC' } });
    const amended = new Set(previous.map((r) => r.amendsReportId));
    const latest = previous.find((r) => !amended.has(r.id)) ?? null;
    const now = new Date();
    const problems = reportProblems(cmd, {
      category: assignment.category,
      catalogue: new Map(catalogue.map((t) => [t.item, t.mandatory])),
      sampleCode: assignment.sampleCode,
      dispatchedOn: shanghaiDay(assignment.dispatchedAt),
      today: shanghaiDay(now),
      now,
      latestReportNumber: latest?.reportNumber ?? null,
      reportNumbers: previous.map((r) => r.reportNumber),
    });
    if (problems.length > 0) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'report rejected',
        errors: problems,
      });
    }
    const elsewhere = await manager.findOneBy(Report, {
      labId: assignment.labId,
      reportNumber: cmd.reportNumber,
    });
    if (elsewhere) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `report number ${cmd.reportNumber} is already used by another report of this lab`,
      });
    }

    const lab = await manager.findOneByOrFail(Lab, { id: assignment.labId });
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
      authorisedBy: cmd.authorisedBy,
      issuedAt: new Date(cmd.issuedAt),
      receivedAt: now,
    };
    await manager.insert(Report, report);
    await manager.update(Assignment, { id: assignmentId }, { status: 'reported', updatedAt: now });
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
