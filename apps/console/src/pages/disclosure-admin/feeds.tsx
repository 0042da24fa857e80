import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  ConfigProvider,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { hasAnyRole, useSession } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { DANGER_THEME, DISCLOSURE_MANAGERS, type FeedDelivery, type FeedPlatform } from './disclosure-api';
import { DeliveryHealthTag } from './delivery-health';
import { Table } from '../../shared/table';

interface Row extends FeedPlatform {
  delivery?: FeedDelivery;
}

/** The credential of a registration or rotation: shown in this dialog once, never fetched again. */
function CredentialDialog({ issued, onClose }: { issued?: FeedPlatform; onClose(): void }) {
  const { t } = useLanguage();
  const d = t.disclosureAdmin;
  const { message } = App.useApp();
  return (
    <Modal
      title={d.credentialTitle}
      open={!!issued}
      destroyOnHidden
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {d.close}
        </Button>
      }
    >
      {issued ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon message={d.credentialOnce} />
          <Descriptions column={1} size="small" bordered data-testid="credential">
            <Descriptions.Item label={d.username}>
              <Typography.Text code>{issued.username}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={d.password}>
              <Space wrap>
                <Typography.Text code data-testid="credential-password" style={{ wordBreak: 'break-all' }}>
                  {issued.password}
                </Typography.Text>
                <Button
                  size="small"
                  onClick={() =>
                    void navigator.clipboard
                      ?.writeText(issued.password ?? '')
                      .then(() => message.success(d.copied))
                      .catch(() => undefined)
                  }
                >
                  {d.copy}
                </Button>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={d.bootstrap}>
              {issued.bootstrapServers} · {issued.securityProtocol} · {issued.saslMechanism}
            </Descriptions.Item>
            <Descriptions.Item label={d.resultsTopic}>{issued.resultsTopic}</Descriptions.Item>
            <Descriptions.Item label={d.takedownsTopic}>{issued.takedownsTopic}</Descriptions.Item>
            <Descriptions.Item label={d.groupPrefix}>{issued.consumerGroupPrefix}</Descriptions.Item>
          </Descriptions>
        </Space>
      ) : null}
    </Modal>
  );
}

function DeliveryState({ delivery }: { delivery?: FeedDelivery }) {
  const { t, language } = useLanguage();
  const d = t.disclosureAdmin;
  if (!delivery) return <span>—</span>;
  return (
    <div data-testid={`delivery-${delivery.code}`}>
      <DeliveryHealthTag delivery={delivery} />
      <div>
        {d.itemsWritten}: {delivery.itemsWritten} · {d.lastItemAt}:{' '}
        {shanghaiTime(delivery.lastItemAt, language)}
      </div>
      <div>
        {d.lag}: {delivery.lag ?? '—'}
        {delivery.consumerGroups.length === 0 && (delivery.topicItems ?? 0) > 0
          ? ` (${d.neverRead})`
          : ''} · {d.pendingItems}: {delivery.pendingItems} · {d.failures}: {delivery.failures ?? '—'}
      </div>
      {delivery.consumerGroups.length > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {d.consumerGroups}: {delivery.consumerGroups.map((g) => `${g.groupId} (${g.lag})`).join('、')}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** Platform feed registrations: register, rotate the credential (shown once), retire; each one's delivery state. */
export default function Feeds() {
  const { t, language } = useLanguage();
  const d = t.disclosureAdmin;
  const session = useSession();
  const manage = hasAnyRole(session, DISCLOSURE_MANAGERS);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [registering, setRegistering] = useState(false);
  const [issued, setIssued] = useState<FeedPlatform | undefined>();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const platforms = useQuery({
    queryKey: ['disclosure', 'feeds'],
    queryFn: () => unwrap(api.disclosure.GET('/feeds/platforms', {})),
  });
  const delivery = useQuery({
    queryKey: ['disclosure', 'feeds', 'delivery'],
    queryFn: () => unwrap(api.disclosure.GET('/feeds/platforms/delivery', {})),
    refetchInterval: 30_000,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['disclosure', 'feeds'] });
  const register = useMutation({
    mutationFn: (body: { code: string; name: string }) =>
      unwrap(api.disclosure.POST('/feeds/platforms', { body })),
    onSuccess: (platform) => {
      setRegistering(false);
      setIssued(platform);
      void refresh();
    },
  });
  const rotate = useMutation({
    mutationFn: (code: string) =>
      unwrap(api.disclosure.POST('/feeds/platforms/{code}/credential', { params: { path: { code } } })),
    onSuccess: (platform) => {
      setIssued(platform);
      void refresh();
    },
  });
  const retire = useMutation({
    mutationFn: (code: string) =>
      unwrap(api.disclosure.DELETE('/feeds/platforms/{code}', { params: { path: { code } } })),
    onSuccess: () => {
      void message.success(d.retired);
      void refresh();
    },
  });
  const rows: Row[] = (platforms.data ?? []).map((p) => ({
    ...p,
    delivery: delivery.data?.find((x) => x.code === p.code),
  }));

  return (
    <ConfigProvider theme={DANGER_THEME}>
      <Page
        title={d.feedsTitle}
        extra={
          manage ? (
            <Button type="primary" onClick={() => setRegistering(true)}>
              {d.register}
            </Button>
          ) : null
        }
      >
        <ErrorAlert error={platforms.error ?? delivery.error ?? rotate.error ?? retire.error} />
        <Card>
          <Typography.Paragraph type="secondary">{d.feedsIntro}</Typography.Paragraph>
          {platforms.isLoading ? (
            <Skeleton active />
          ) : (
            <Table<Row>
              rowKey="code"
              size="small"
              data-testid="feeds"
              dataSource={rows}
              locale={{ emptyText: d.noPlatforms }}
              scroll={{ x: 1100 }}
              pagination={false}
              columns={[
                {
                  title: d.name,
                  width: 160,
                  render: (_, p) => (
                    <div>
                      <strong>{p.name}</strong>
                      <div>
                        <Typography.Text code>{p.code}</Typography.Text>
                      </div>
                    </div>
                  ),
                },
                {
                  title: d.username,
                  width: 220,
                  render: (_, p) => (
                    <div style={{ fontSize: 12 }}>
                      <div>{p.username}</div>
                      <div>{p.resultsTopic}</div>
                    </div>
                  ),
                },
                {
                  title: d.credentialIssuedAt,
                  width: 150,
                  render: (_, p) => shanghaiTime(p.credentialIssuedAt, language),
                },
                {
                  title: d.delivery,
                  key: 'state',
                  render: (_, p) => <DeliveryState delivery={p.delivery} />,
                },
                ...(manage
                  ? [
                      {
                        title: '',
                        width: 190,
                        render: (_: unknown, p: Row) => (
                          <Space wrap>
                            <Popconfirm
                              title={d.rotateConfirm}
                              okText={d.rotate}
                              cancelText={t.common.cancel}
                              onConfirm={() => rotate.mutate(p.code)}
                              overlayStyle={{ maxWidth: 320 }}
                            >
                              <Button size="small" loading={rotate.isPending && rotate.variables === p.code}>
                                {d.rotate}
                              </Button>
                            </Popconfirm>
                            <Popconfirm
                              title={d.retireConfirm}
                              okText={d.retire}
                              cancelText={t.common.cancel}
                              okButtonProps={{ danger: true }}
                              onConfirm={() => retire.mutate(p.code)}
                              overlayStyle={{ maxWidth: 320 }}
                            >
                              <Button size="small" danger>
                                {d.retire}
                              </Button>
                            </Popconfirm>
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </Card>

        <Modal
          title={d.registerTitle}
          open={registering}
          onCancel={() => setRegistering(false)}
          okText={d.register}
          cancelText={t.common.cancel}
          confirmLoading={register.isPending}
          onOk={() =>
            void form
              .validateFields()
              .then((f) => register.mutate({ code: f.code.trim(), name: f.name.trim() }))
          }
          destroyOnHidden
        >
          <ErrorAlert error={register.error} />
          <Form form={form} layout="vertical" name="register-platform">
            <Form.Item
              name="code"
              label={d.code}
              extra={d.codeHelp}
              rules={[{ required: true, pattern: /^[a-z][a-z0-9-]{1,31}$/, message: d.codeHelp }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="name" label={d.name} rules={[{ required: true, max: 100 }]}>
              <Input />
            </Form.Item>
          </Form>
        </Modal>

        <CredentialDialog
          issued={issued}
          onClose={() => {
            setIssued(undefined);
            register.reset();
            rotate.reset();
          }}
        />
      </Page>
    </ConfigProvider>
  );
}
