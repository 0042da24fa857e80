import { Tag } from 'antd';
import { useLanguage } from '../../i18n/language';
import { deliveryHealth, type DeliveryHealth, type FeedDelivery } from './disclosure-api';

const COLORS: Record<DeliveryHealth, string> = {
  'broker-down': 'default',
  failing: 'red',
  lagging: 'orange',
  healthy: 'green',
};

/** A platform feed's delivery state as a tag. */
export function DeliveryHealthTag({ delivery }: { delivery: FeedDelivery }) {
  const { t } = useLanguage();
  const d = t.disclosureAdmin;
  const health = deliveryHealth(delivery);
  const text: Record<DeliveryHealth, string> = {
    'broker-down': d.brokerDown,
    failing: d.failing,
    lagging: d.lagging,
    healthy: d.healthy,
  };
  return <Tag color={COLORS[health]}>{text[health]}</Tag>;
}
