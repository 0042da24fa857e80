import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { retry } from './admin-api';
import { Table } from '../../shared/table';

interface Row {
  key: string;
  column: string;
  keyId: string;
  values: number;
}

/** Which key seals the buyers' identity values, how many values each key id still seals, and rotation. */
export default function IdentityKeys() {
  const { t } = useLanguage();
  const p = t.purchasingAdmin;
  const { message } = App.useApp();
  const client = useQueryClient();
  const status = useQuery({
    queryKey: ['purchasing-admin', 'identity-keys'],
    queryFn: () => unwrap(api.purchasing.GET('/identity-keys', {})),
    retry,
  });
  const rotate = useMutation({
    mutationFn: () => unwrap(api.purchasing.POST('/identity-keys/rotation', {})),
    onSuccess: (r) => {
      void message.success(p.rotated.replace('{n}', String(r.reencrypted)));
      client.setQueryData(['purchasing-admin', 'identity-keys'], r);
    },
  });
  const data = rotate.data ?? status.data;
  const rows: Row[] = Object.entries(data?.keysInUse ?? {}).flatMap(([column, keys]) =>
    Object.entries(keys).map(([keyId, values]) => ({ key: `${column}|${keyId}`, column, keyId, values })),
  );
  const pending = rows.some((r) => r.keyId !== data?.activeKeyId) || (data?.unboundValues ?? 0) > 0;
  return (
    <Page
      title={p.keysTitle}
      extra={
        <Popconfirm
          title={p.rotateConfirm}
          onConfirm={() => rotate.mutate()}
          okText={p.rotate}
          cancelText={t.common.cancel}
          overlayStyle={{ maxWidth: 320 }}
        >
          <Button type="primary" loading={rotate.isPending}>
            {p.rotate}
          </Button>
        </Popconfirm>
      }
    >
      <ErrorAlert error={status.error ?? rotate.error} />
      <Card loading={status.isLoading}>
        {data ? (
          <>
            <Alert
              type={pending ? 'warning' : 'success'}
              showIcon
              message={pending ? p.rotationPending : p.rotationDone}
              style={{ marginBottom: 12 }}
            />
            <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={p.activeKey}>
                <Typography.Text code>{data.activeKeyId}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={p.unbound}>{data.unboundValues}</Descriptions.Item>
            </Descriptions>
            <Table<Row>
              size="small"
              data-testid="keys-in-use"
              dataSource={rows}
              pagination={false}
              columns={[
                { title: p.column, dataIndex: 'column' },
                {
                  title: p.keyId,
                  dataIndex: 'keyId',
                  render: (k: string) =>
                    k === data.activeKeyId ? <Tag color="green">{k}</Tag> : <Tag color="orange">{k}</Tag>,
                },
                { title: p.values, dataIndex: 'values', width: 100 },
              ]}
            />
          </>
        ) : null}
      </Card>
    </Page>
  );
}
