import { Tag } from 'antd';
import { useLanguage } from '../../i18n/language';
import type { Parcel } from './intake-api';

const COLORS: Record<string, string> = { admitted: 'green', quarantined: 'orange', rejected: 'red' };

/** A parcel's status as a tag, in words (not colour alone). */
export function ParcelStatus({ parcel }: { parcel: Pick<Parcel, 'status'> }) {
  const { t } = useLanguage();
  return <Tag color={COLORS[parcel.status]}>{t.intake.statuses[parcel.status] ?? parcel.status}</Tag>;
}
