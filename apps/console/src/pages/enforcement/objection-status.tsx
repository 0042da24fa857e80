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

/** The objection's status; a back-dated filing still awaiting its second officer shows as such. */
export function ObjectionStatusTag({ status, awaiting = false }: { status: string; awaiting?: boolean }) {
  const { t } = useLanguage();
  if (awaiting) return <Tag color="gold">{t.enforcement.objectionChecklist.awaitingConfirmation}</Tag>;
  return (
    <Tag color={COLORS[status]}>
      {t.enforcement.statuses[status as keyof typeof t.enforcement.statuses] ?? status}
    </Tag>
  );
}
