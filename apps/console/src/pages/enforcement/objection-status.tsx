import { Tag } from 'antd';
import { useLanguage } from '../../i18n/language';

const COLORS: Record<string, string> = {
  filed: 'orange',
  refused: 'red',
  approved: 'blue',
  rejected: 'default',
  waived: 'default',
  're-inspecting': 'purple',
  completed: 'green',
};

export function ObjectionStatusTag({ status }: { status: string }) {
  const { t } = useLanguage();
  return (
    <Tag color={COLORS[status]}>
      {t.enforcement.statuses[status as keyof typeof t.enforcement.statuses] ?? status}
    </Tag>
  );
}
