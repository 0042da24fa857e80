import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Addressee } from './notice-addressees';
import { Notice, type NoticeKind } from './notice.entity';

/** A notice about to be issued to one addressee. */
export interface NoticeDraft {
  batchNumber: string;
  kind: NoticeKind;
  to: Addressee;
  noticeNumber: string;
  /** Null for the sampling notice. */
  reportNumber: string | null;
  content: string;
  dueAt: Date | null;
  /** The year whose holiday schedule the due date waits for (null when known or not needed). */
  duePendingYear?: number | null;
  /** The notice of a replaced report this one corrects. */
  correctsNoticeId?: string | null;
}

/** Whether a batch already has notices of a kind (for a report): notices are issued once each. */
export async function noticesExist(
  manager: EntityManager,
  batchNumber: string,
  kind: NoticeKind,
  reportNumber: string | null,
): Promise<boolean> {
  const rows = (await manager.query(
    `select 1 from notice where batch_number = $1 and kind = $2 and report_number is not distinct from $3 limit 1`,
    [batchNumber, kind, reportNumber],
  )) as unknown[];
  return rows.length > 0;
}

/** Stores a notice; a public notice counts as sent and received when issued (it is published at once). */
export async function insertNotice(manager: EntityManager, draft: NoticeDraft, now: Date): Promise<Notice> {
  const { to } = draft;
  const publicNotice = to.channel === 'public-notice';
  const notice = manager.create(Notice, {
    id: randomUUID(),
    batchNumber: draft.batchNumber,
    kind: draft.kind,
    recipient: to.recipient,
    recipientName: to.name,
    address: to.address,
    channel: to.channel,
    noticeNumber: draft.noticeNumber,
    reportNumber: draft.reportNumber,
    content: draft.content,
    dueAt: draft.dueAt,
    duePendingYear: draft.duePendingYear ?? null,
    sentAt: publicNotice ? now : null,
    receivedAt: publicNotice ? now : null,
    correctsNoticeId: draft.correctsNoticeId ?? null,
    // Issued on enforcement's clock (not the database's), so deliveries are checked against it.
    createdAt: now,
  });
  await manager.insert(Notice, notice);
  return notice;
}
