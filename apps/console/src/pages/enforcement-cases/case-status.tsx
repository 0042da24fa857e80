import { Tag } from 'antd';
import { useLanguage } from '../../i18n/language';

const COLORS: Record<string, string> = {
  routed: 'orange',
  accepted: 'blue',
  investigating: 'purple',
  closed: 'green',
};

/** A case's status, and "overdue" beside it when it is open past its due date. */
export function CaseStatus({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t } = useLanguage();
  const label = t.cases.statuses[status as keyof typeof t.cases.statuses] ?? status;
  return (
    <span>
      <Tag color={COLORS[status] ?? 'default'}>{label}</Tag>
      {overdue ? <Tag color="red">{t.cases.overdue}</Tag> : null}
    </span>
  );
}
