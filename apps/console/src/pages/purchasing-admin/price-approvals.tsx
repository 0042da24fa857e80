import { Alert, Card, Space } from 'antd';
import { useLanguage } from '../../i18n/language';
import { Page } from '../../shared/page';
import { AwaitingApproval, AwaitingBuyer } from './task-tables';

/** Purchases above the price cap awaiting approval, and tasks no qualified buyer has taken yet. */
export default function PriceApprovals() {
  const { t } = useLanguage();
  const p = t.purchasingAdmin;
  return (
    <Page title={p.priceApprovalsTitle}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{p.awaitingApproval}</h2>}>
          <AwaitingApproval />
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{p.awaitingBuyer}</h2>}>
          <Alert type="info" showIcon message={p.waitingHint} style={{ marginBottom: 12 }} />
          <AwaitingBuyer />
        </Card>
      </Space>
    </Page>
  );
}
