import { Space, Tag } from 'antd';
import { useLanguage } from '../../i18n/language';

const COLORS: Record<string, string> = {
  dispatched: 'gold',
  accepted: 'blue',
  'in-progress': 'blue',
  declined: 'default',
  reported: 'green',
};

/** An assignment's state in words (never colour alone), and overdue when it is. */
export function AssignmentStatus({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t } = useLanguage();
  const label = t.lab.statuses[status as keyof typeof t.lab.statuses] ?? status;
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[status] ?? 'default'}>{label}</Tag>
      {overdue ? <Tag color="red">{t.lab.overdue}</Tag> : null}
    </Space>
  );
}
