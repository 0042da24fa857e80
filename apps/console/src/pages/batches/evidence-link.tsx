import { PaperClipOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { shanghaiTime } from '../../shared/time';

/**
 * An evidence object the viewer may open (the services list only those): asks the evidence service
 * for a short-lived download (recorded in the custody ledger) and shows it with the stored hash.
 */
export function EvidenceLink({ objectId, kind }: { objectId: string; kind: string }) {
  const { t, language } = useLanguage();
  const kinds = t.batch.evidenceKinds as Record<string, string>;
  const label = kinds[kind] ?? kind;
  const ticket = useMutation({
    mutationFn: () =>
      unwrap(api.evidence.POST('/evidence/objects/{id}/download', { params: { path: { id: objectId } } })),
  });
  const shown = ticket.data ?? ticket.error;
  return (
    <>
      <Button
        size="small"
        icon={<PaperClipOutlined aria-hidden />}
        loading={ticket.isPending}
        onClick={() => ticket.mutate()}
        title={objectId}
      >
        {label}
      </Button>
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
