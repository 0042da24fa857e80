import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import type { SampleDispatchedValue } from '@qis/contracts';
import type { EntityManager } from 'typeorm';
import { endOfShanghaiDay, shanghaiDate } from '../calendar/shanghai-time';
import { BatchFile } from '../batches/batch-file.entity';
import { CalendarSource } from '../calendar/calendar-source';
import { Clock } from '../calendar/clock';
import { AlertBook } from '../deadlines/alert-book';
import { DeadlineBook } from '../deadlines/deadline-book';
import { nextNoticeNumber } from '../notices/notice-numbers';
import { CaseRouter } from '../routing/case-router';
import { PROCEDURES_PERIOD_DAYS } from './objection-window';
import { Objection } from './objection.entity';
import { reinspectionLabNoticeDocument } from './record-reinspection-lab-notice-document';
import {
  REINSPECTION_LAB_NOTICE_RECIPIENTS,
  ReinspectionLabNotice,
} from './record-reinspection-lab-notice.entity';

/**
 * lab-gateway drew the re-inspection lab (`sample-dispatched`, purpose re-inspection): the
 * applicant is told the lab, and the 7 days to complete the procedures start that day. A redraw
 * (the lab declined) names a new lab and starts them again, while procedures are not complete.
 * Each time the bureau issues the 《复检机构确定通知书》 to the applicant and to the lab, whose PDFs
 * the notice evidence step stores.
 */
@Injectable()
export class RecordReinspectionLabUseCase {
  constructor(
    private readonly calendars: CalendarSource,
    private readonly deadlines: DeadlineBook,
    private readonly alerts: AlertBook,
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
    const calendar = await this.calendars.current(manager);
    const batch = await manager.findOneBy(BatchFile, { batchNumber: dispatch.batchNumber });
    for (const objection of awaiting) {
      if (objection.labNotifiedAt && objection.labNotifiedAt >= dispatchedAt) continue;
      const completeBy = await this.alerts.withCalendar(
        manager,
        {
          batchNumber: objection.batchNumber,
          subjectType: 'objection',
          subjectId: `${objection.id}/procedures`,
          what: `the 7-day procedures period of the re-inspection (lab known on ${shanghaiDate(dispatchedAt)})`,
        },
        () => endOfShanghaiDay(calendar.lastDayOfPeriod(shanghaiDate(dispatchedAt), PROCEDURES_PERIOD_DAYS)),
      );
      objection.reinspectionLabId = dispatch.labId;
      objection.reinspectionLabName = dispatch.labName;
      objection.labNotifiedAt = dispatchedAt;
      objection.completeBy = completeBy;
      await manager.save(Objection, objection);
      const notices = await this.issueNotices(manager, objection, batch, dispatch);
      if (completeBy)
        await this.deadlines.reschedule(
          manager,
          'reinspection-procedures',
          objection.id,
          objection.batchNumber,
          completeBy,
        );
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
            completeBy: completeBy?.toISOString() ?? null,
            notices: notices.map((n) => n.noticeNumber),
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
