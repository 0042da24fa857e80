import { PaperClipOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { shanghaiTime } from '../../shared/time';

/** Kinds that show the buyer (account, name, phone, address): opened only with a stated purpose. */
const IDENTITY_BEARING = new Set([
  'purchase-screen-recording',
  'order-screenshot',
  'chat-screenshot',
  'waybill-photo',
]);

/**
 * An evidence object the viewer may open (the services list only those): asks the evidence service
 * for a short-lived download (recorded in the custody ledger) and shows it with the stored hash. A
 * kind that shows the buyer asks first for the purpose, which the service audits with the download.
 */
export function EvidenceLink({ objectId, kind }: { objectId: string; kind: string }) {
  const { t, language } = useLanguage();
  const kinds = t.batch.evidenceKinds as Record<string, string>;
  const label = kinds[kind] ?? kind;
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ purpose: string }>();
  const ticket = useMutation({
    mutationFn: (purpose?: string) =>
      unwrap(
        api.evidence.POST('/evidence/objects/{id}/download', {
          params: { path: { id: objectId } },
          ...(purpose ? { body: { purpose } } : {}),
        }),
      ),
  });
  const shown = ticket.data ?? ticket.error;
  const open = () => (IDENTITY_BEARING.has(kind) ? setAsking(true) : ticket.mutate(undefined));
  const confirm = async () => {
    const { purpose } = await form.validateFields();
    setAsking(false);
    ticket.mutate(purpose.trim());
  };
  return (
    <>
      <Button
        size="small"
        icon={<PaperClipOutlined aria-hidden />}
        loading={ticket.isPending}
        onClick={open}
        title={objectId}
      >
        {label}
      </Button>
      <Modal
        open={asking}
        title={`${t.batch.purposeTitle} · ${label}`}
        okText={t.batch.purposeConfirm}
        onOk={() => void confirm()}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Alert type="warning" showIcon message={t.batch.purposeHint} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="purpose"
            label={t.batch.purposeLabel}
            rules={[{ required: true, whitespace: true, message: t.batch.purposeRequired }, { max: 500 }]}
          >
            <Input.TextArea rows={2} placeholder={t.batch.purposePlaceholder} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={Boolean(shown)}
        title={`${t.batch.ticketTitle} · ${label}`}
        footer={null}
        onCancel={() => ticket.reset()}
        width={560}
      >
        <ErrorAlert error={ticket.error} />
        {ticket.data && (
          <>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="ID">
                <Typography.Text code>{objectId}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t.batch.sha256}>
                <Typography.Text code style={{ wordBreak: 'break-all' }}>
                  {ticket.data.sha256}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t.batch.expiresAt}>
                {shanghaiTime(ticket.data.expiresAt, language)}
              </Descriptions.Item>
            </Descriptions>
            <Alert type="info" showIcon message={t.batch.ticketHint} style={{ margin: '12px 0' }} />
            <Button type="primary" href={ticket.data.url} target="_blank" rel="noreferrer noopener">
              {t.batch.openFile}
            </Button>
          </>
        )}
      </Modal>
    </>
  );
}
