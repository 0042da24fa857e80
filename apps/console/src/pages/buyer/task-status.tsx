import { Space, Tag } from 'antd';
import { useLanguage } from '../../i18n/language';
import type { TaskStatus } from './buyer-api';

const COLORS: Record<TaskStatus, string> = {
  unassigned: 'default',
  assigned: 'blue',
  'awaiting-price-approval': 'orange',
  purchased: 'green',
  shipped: 'default',
};

export function TaskStatusTag({ status, overdue }: { status: TaskStatus; overdue?: boolean }) {
  const { t } = useLanguage();
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[status]}>{t.buyerWork.statuses[status]}</Tag>
      {overdue ? <Tag color="red">{t.buyerWork.overdue}</Tag> : null}
    </Space>
  );
}
