import { Tag } from 'antd';
import { useLanguage } from '../../i18n/language';

const COLORS: Record<string, string> = {
  draft: 'default',
  returned: 'orange',
  submitted: 'gold',
  approved: 'blue',
  active: 'green',
  closed: 'default',
};

export function PlanStatus({ status, returned }: { status: string; returned?: boolean }) {
  const { t } = useLanguage();
  const key = (returned && status === 'draft' ? 'returned' : status) as keyof typeof t.plan.statuses;
  return <Tag color={COLORS[key]}>{t.plan.statuses[key] ?? status}</Tag>;
}
