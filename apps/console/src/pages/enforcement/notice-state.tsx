import { Tag } from 'antd';
import { useLanguage } from '../../i18n/language';
import { noticeState, type Notice } from './enforcement-api';

const COLORS: Record<string, string> = {
  unsent: 'orange',
  'awaiting-receipt': 'blue',
  'receipt-pending': 'gold',
  received: 'green',
  failed: 'red',
  'public-notice': 'purple',
  withdrawn: 'default',
};

export function NoticeStateTag({ notice }: { notice: Notice }) {
  const { t } = useLanguage();
  const state = noticeState(notice);
  return <Tag color={COLORS[state]}>{t.enforcement.states[state]}</Tag>;
}
