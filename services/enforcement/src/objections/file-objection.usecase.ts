import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { OutboxPublisher } from '@qis/messaging';
import { DataSource, In, IsNull } from 'typeorm';
import { backdated } from '../http/four-eyes';
import { BatchFile } from '../kernel/batch-file.entity';
import { CalendarSource } from '../kernel/calendar-source';
import { notInFuture } from '../http/domain-errors';
import { conflict, ErrorCode } from '@qis/domain';
import { Notice } from '../notices/notice.entity';
import type { FileObjectionCommand } from './file-objection.command';
import { judgeObjectionWindow } from './objection-window';
import { MATERIAL_ITEMS, type MaterialsChecklist } from './objection-materials';
import { publishObjectionFiled } from './objection-filed.event';
import { Objection, OPEN_OBJECTION_STATUSES } from './objection.entity';
import { Clock } from '../kernel/clock';

/**
 * Files an objection against the first result. In time (15 days from the applicant's receipt of
 * the notice or the public notice) it awaits the approver and is published; late it is kept as
 * refused, with the dates in the reason. Dated on an earlier day than today (a postmarked
 * application recorded later) it needs a reason and waits for a second officer: until confirmed it
 * is neither published nor decided, and it holds the result open.
 */
@Injectable()
export class FileObjectionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarSource,
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: AuditActor,
    batchNumber: string,
    command: FileObjectionCommand,
    now = this.clock.now(),
  ): Promise<Objection> {
    const filedAt = new Date(command.filedAt);
    notInFuture('filedAt', filedAt, now);
    const pending = backdated(
      'filedAt',
      filedAt,
      now,
      command.filingReason,
      'filingReason',
      'it would count as filed within the 15-day period on a day already past',
    );
    return this.dataSource.transaction(async (manager) => {
      const batch = await manager.findOne(BatchFile, {
        where: { batchNumber },
        lock: { mode: 'pessimistic_write' },
      });
      if (!batch) throw notFound('batch', batchNumber);
      const report = batch.initialReport;
      if (!report) throw conflict(`batch ${batchNumber} has no result to object to`);
      if (batch.finalAt)
        throw conflict(
          `the result of ${batchNumber} is final since ${batch.finalAt.toISOString()}`,
          ErrorCode.resultFinal,
        );
      const notice = await manager.findOneBy(Notice, {
        batchNumber,
        kind: 'result',
        reportNumber: report.reportNumber,
        recipient: command.applicantRole,
        // A notice whose delivery failed counts through the public notice that replaced it.
        deliveryFailedAt: IsNull(),
      });
      if (!notice) throw conflict(`no result notice went to the ${command.applicantRole} of ${batchNumber}`);
      if (!notice.receivedAt) {
        throw conflict(
          notice.receiptPendingAt
            ? `the ${command.applicantRole}'s result notice ${notice.noticeNumber} has a receipt of ${notice.receiptPendingAt.toISOString()} awaiting a second officer's confirmation`
            : `the ${command.applicantRole}'s result notice ${notice.noticeNumber} has no receipt on record: record its delivery first`,
        );
      }
      const open = await manager.countBy(Objection, {
        batchNumber,
        applicantRole: command.applicantRole,
        status: In([...OPEN_OBJECTION_STATUSES]),
      });
      if (open > 0)
        throw conflict(`the ${command.applicantRole} of ${batchNumber} already has an objection in progress`);

      const judged = judgeObjectionWindow(await this.calendars.current(manager), notice.receivedAt, filedAt);
      // A late filing is refused whatever its date rests on: only an in-time one needs confirming.
      const awaiting = judged.inTime && pending;
      const materials = Object.fromEntries(
        MATERIAL_ITEMS.map((item) => {
          const received = command.materials?.[item] === 'received';
          return [
            item,
            {
              state: received ? 'received' : 'missing',
              receivedAt: received ? filedAt.toISOString() : null,
              recordedBy: actor.actor,
              recordedAt: now.toISOString(),
            },
          ];
        }),
      ) as MaterialsChecklist;
      const objection = manager.create(Objection, {
        id: randomUUID(),
        batchNumber,
        applicantRole: command.applicantRole,
        applicantName: command.applicantName,
        applicantUscc: command.applicantUnifiedSocialCreditCode ?? null,
        grounds: command.grounds ?? null,
        agentName: command.agentName ?? null,
        noticeReceivedAt: notice.receivedAt,
        filedAt,
        filingReason: pending ? (command.filingReason ?? null) : null,
        filingRecordedBy: pending ? actor.actor : null,
        filingConfirmedBy: null,
        filingConfirmedAt: null,
        windowLastDay: judged.lastDay,
        status: !judged.inTime ? 'refused' : awaiting ? 'awaiting-confirmation' : 'filed',
        refusalReason: judged.reason ?? null,
        decidedAt: judged.inTime ? null : now,
        decidedBy: judged.inTime ? null : 'system',
        decisionReason: null,
        completeBy: null,
        proceduresCompletedAt: null,
        materials,
      });
      await manager.insert(Objection, objection);
      if (objection.status === 'filed')
        await publishObjectionFiled(this.outbox, manager, objection, report.reportNumber);
      await this.audit.record(
        actor,
        {
          action: 'objection.file',
          entityType: 'objection',
          entityId: objection.id,
          outcome: judged.inTime ? 'success' : 'failure',
          detail: {
            batchNumber,
            day: judged.day,
            lastDay: judged.lastDay,
            reason: judged.reason ?? null,
            ...(awaiting
              ? { filingReason: command.filingReason, awaiting: 'second-officer', clock: now.toISOString() }
              : {}),
            agentName: objection.agentName,
          },
        },
        manager,
      );
      return objection;
    });
  }
}
