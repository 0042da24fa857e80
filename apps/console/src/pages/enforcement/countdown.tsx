import { Tag } from 'antd';
import { fill, useLanguage } from '../../i18n/language';
import type { Deadline } from './enforcement-api';

/** A deadline's countdown in working days: red when overdue or due today, orange within 2. */
export function Countdown({ deadline }: { deadline: Deadline }) {
  const { t } = useLanguage();
  const left = deadline.workingDaysLeft;
  if (left === null || left === undefined) return <Tag>{t.enforcement.unknownYear}</Tag>;
  if (deadline.overdue || left < 0)
    return <Tag color="red">{fill(t.enforcement.overdueBy, { n: Math.max(1, -left) })}</Tag>;
  if (left === 0) return <Tag color="red">{t.enforcement.dueToday}</Tag>;
  return <Tag color={left <= 2 ? 'orange' : 'blue'}>{fill(t.enforcement.workingDaysLeft, { n: left })}</Tag>;
}

/** Where a deadline's work is done: the notice, the objection, the batch's notices. */
export function deadlineLink(d: Deadline): string {
  if (d.noticeId) return `/enforcement/notices/${d.noticeId}`;
  if (d.objectionId) return `/enforcement/objections/${d.objectionId}`;
  if (d.kind === 'objection-window') return `/enforcement/objections?batchNumber=${d.batchNumber}`;
  return `/batches/${d.batchNumber}`;
}

/** Who or what the deadline concerns, in words. */
export function useDeadlineSubject(): (d: Deadline) => string {
  const { t } = useLanguage();
  return (d) => {
    const who = (role?: string | null) =>
      role ? (t.enforcement.recipients[role as keyof typeof t.enforcement.recipients] ?? role) : '';
    if (d.noticeNumber) return `${d.noticeNumber} · ${who(d.recipient)} ${d.recipientName ?? ''}`;
    if (d.objectionId) return `${who(d.applicantRole)} ${d.applicantName ?? ''}`;
    if (d.caseId) return d.caseStatus ?? '';
    return d.batchNumber;
  };
}
