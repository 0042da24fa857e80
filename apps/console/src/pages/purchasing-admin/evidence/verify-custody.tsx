import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space, Typography } from 'antd';
import { api, unwrap } from '../../../api/client';
import { useLanguage } from '../../../i18n/language';
import { ErrorAlert } from '../../../shared/errors';
import { shanghaiTime } from '../../../shared/time';

/** Recomputes the custody chain and re-hashes the batch's objects from the store; shows the result. */
export function VerifyCustody({ batchNumber }: { batchNumber: string }) {
  const { t, language } = useLanguage();
  const p = t.purchasingAdmin;
  const verify = useMutation({
    mutationFn: () => unwrap(api.evidence.GET('/custody/verify', { params: { query: { batchNumber } } })),
  });
  const r = verify.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button
        icon={<SafetyCertificateOutlined aria-hidden />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
      >
        {p.verify} · {batchNumber}
      </Button>
      <ErrorAlert error={verify.error} />
      {r ? (
        <Alert
          data-testid="custody-result"
          type={r.intact ? 'success' : 'error'}
          showIcon
          role="status"
          message={r.intact ? p.intact : p.broken}
          description={
            <>
              <div>
                {p.verifySummary
                  .replace('{entries}', String(r.entriesChecked))
                  .replace('{objects}', String(r.objectsChecked))}
              </div>
              {r.firstBreak ? (
                <div>
                  {p.firstBreak}: <Typography.Text code>{r.firstBreak.seq ?? ''}</Typography.Text>{' '}
                  {r.firstBreak.reason}
                </div>
              ) : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {shanghaiTime(r.checkedAt, language)}
              </Typography.Text>
            </>
          }
        />
      ) : null}
    </Space>
  );
}
