import { Card } from 'antd';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../i18n/language';
import { AwaitingApproval, AwaitingBuyer } from './task-tables';

/** Home: purchases above the price cap awaiting approval. */
export function PriceApprovalQueue() {
  const { t } = useLanguage();
  const p = t.purchasingAdmin;
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{p.queueApprovals}</h2>}
      data-testid="queue-price-approvals"
      extra={<Link to="/purchasing/price-approvals">{t.menu.priceApprovals}</Link>}
    >
      <AwaitingApproval compact />
    </Card>
  );
}

/** Home: batches waiting for a qualified buyer. */
export function AwaitingBuyerQueue() {
  const { t } = useLanguage();
  const p = t.purchasingAdmin;
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{p.queueWaiting}</h2>}
      data-testid="queue-awaiting-buyer"
      extra={<Link to="/purchasing/price-approvals">{t.menu.priceApprovals}</Link>}
    >
      <AwaitingBuyer compact />
    </Card>
  );
}
