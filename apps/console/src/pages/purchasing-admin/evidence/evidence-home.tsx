import { Card, Form, Input, Button, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { hasAnyRole, useSession } from '../../../auth/session';
import { useLanguage } from '../../../i18n/language';
import { Page } from '../../../shared/page';
import { useState } from 'react';
import { VerifyCustody } from './verify-custody';
import { CUSTODY_VERIFIERS, UUID } from './viewer-api';

const BATCH = /^[A-Z]{2}\d{4}-\d{6}$/;

/** Opens an evidence object by id; auditors and admins verify a batch's custody here too. */
export default function EvidenceHome() {
  const { t } = useLanguage();
  const p = t.purchasingAdmin;
  const navigate = useNavigate();
  const session = useSession();
  const [batch, setBatch] = useState<string>();
  return (
    <Page title={p.viewerTitle}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{p.openObject}</h2>}>
          <Form
            layout="inline"
            onFinish={({ id }: { id: string }) => void navigate(`/evidence/${id.trim()}`)}
            style={{ rowGap: 8 }}
          >
            <Form.Item
              name="id"
              label={p.objectId}
              rules={[{ required: true, pattern: UUID, message: p.objectIdRequired }]}
            >
              <Input style={{ width: 340, maxWidth: '100%' }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {p.open}
            </Button>
          </Form>
        </Card>
        {hasAnyRole(session, CUSTODY_VERIFIERS) ? (
          <Card title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{p.verifyTitle}</h2>}>
            <Form
              layout="inline"
              onFinish={({ batchNumber }: { batchNumber: string }) => setBatch(batchNumber.trim())}
              style={{ rowGap: 8, marginBottom: 12 }}
            >
              <Form.Item
                name="batchNumber"
                label={p.batchNumber}
                rules={[{ required: true, pattern: BATCH, message: p.batchRequired }]}
              >
                <Input placeholder="HZ2026-000123" style={{ width: 200 }} />
              </Form.Item>
              <Button htmlType="submit">{p.open}</Button>
            </Form>
            {batch ? <VerifyCustody key={batch} batchNumber={batch} /> : null}
          </Card>
        ) : null}
      </Space>
    </Page>
  );
}
