import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import type { SampleDispatchedValue } from '@qis/contracts';
import { IsNull, type EntityManager } from 'typeorm';
import { BatchFile } from '../kernel/batch-file.entity';
import { Clock } from '../kernel/clock';
import { DeadlineBook } from '../kernel/deadline-book';
import { nextNoticeNumber } from '../notices/notice-numbers';
import { CaseRouter } from '../routing/case-router';
import { Objection } from './objection.entity';
import { reinspectionLabNoticeDocument } from './record-reinspection-lab-notice-document';
import {
  REINSPECTION_LAB_NOTICE_RECIPIENTS,
  ReinspectionLabNotice,
} from '../notices/reinspection-lab-notice.entity';

/**
 * lab-gateway drew the re-inspection lab (`sample-dispatched`, purpose re-inspection): the bureau
 * issues the 《复检机构确定通知书》 to the applicant and to the lab, whose PDFs the notice evidence
 * step stores. The 7 days to complete the procedures run from the applicant's receipt of it
 * (RecordLabNoticeDeliveryUseCase), not from the dispatch: until then the period is pending. A
 * redraw (the lab declined) names a new lab, supersedes the earlier notices and waits again.
 */
@Injectable()
export class RecordReinspectionLabUseCase {
  constructor(
    private readonly deadlines: DeadlineBook,
    private readonly audit: AuditService,
    private readonly router: CaseRouter,
    private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, dispatch: SampleDispatchedValue, messageId: string): Promise<void> {
    if (dispatch.purpose !== 're-inspection') return;
    const awaiting = await manager.find(Objection, {
      where: { batchNumber: dispatch.batchNumber, status: 'approved' },
      lock: { mode: 'pessimistic_write' },
    });
    const dispatchedAt = new Date(dispatch.dispatchedAt);
    const batch = await manager.findOneBy(BatchFile, { batchNumber: dispatch.batchNumber });
    for (const objection of awaiting) {
      if (objection.labNotifiedAt && objection.labNotifiedAt >= dispatchedAt) continue;
      // A redraw: the notices naming the lab that declined no longer start a clock, nor a period
      // already running from them; the 7 days wait for the applicant's receipt of the new notice.
      const superseded = await manager.update(
        ReinspectionLabNotice,
        { objectionId: objection.id, supersededAt: IsNull() },
        { supersededAt: this.clock.now() },
      );
      if (objection.completeBy)
        await this.deadlines.withdraw(manager, 'reinspection-procedures', objection.id);
      objection.reinspectionLabId = dispatch.labId;
      objection.reinspectionLabName = dispatch.labName;
      objection.labNotifiedAt = dispatchedAt;
      objection.labNoticeReceivedAt = null;
      objection.completeBy = null;
      await manager.save(Objection, objection);
      const notices = await this.issueNotices(manager, objection, batch, dispatch);
      await this.audit.record(
        SYSTEM_ACTOR,
        {
          action: 'objection.lab-known',
          entityType: 'objection',
          entityId: objection.id,
          detail: {
            batchNumber: objection.batchNumber,
            labId: dispatch.labId,
            labName: dispatch.labName,
            dispatchedAt: dispatch.dispatchedAt,
            notices: notices.map((n) => n.noticeNumber),
            supersededNotices: superseded.affected ?? 0,
            messageId,
          },
        },
        manager,
      );
    }
  }

  /** The 《复检机构确定通知书》 to the applicant and to the re-inspection lab, text fixed as issued. */
  private async issueNotices(
    manager: EntityManager,
    objection: Objection,
    batch: BatchFile | null,
    dispatch: SampleDispatchedValue,
  ): Promise<ReinspectionLabNotice[]> {
    const issuedAt = this.clock.now();
    const out: ReinspectionLabNotice[] = [];
    for (const recipient of REINSPECTION_LAB_NOTICE_RECIPIENTS) {
      const noticeNumber = await nextNoticeNumber(manager, 'FJ', issuedAt);
      const notice = manager.create(ReinspectionLabNotice, {
        id: randomUUID(),
        objectionId: objection.id,
        batchNumber: objection.batchNumber,
        recipient,
        recipientName: recipient === 'applicant' ? objection.applicantName : dispatch.labName,
        noticeNumber,
        labId: dispatch.labId,
        labName: dispatch.labName,
        document: reinspectionLabNoticeDocument({
          issuerName: this.router.issuerName,
          noticeNumber,
          recipient,
          objection,
          batch,
          dispatch,
          issuedAt,
        }),
        issuedAt,
      });
      await manager.insert(ReinspectionLabNotice, notice);
      out.push(notice);
    }
    return out;
  }
}
