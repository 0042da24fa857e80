import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiDate, shanghaiTime } from '../../shared/time';
import { retry, type Address, type BlacklistEntry, type Buyer, type ShoppingAccount } from './admin-api';
import { Table } from '../../shared/table';

const STATUS_COLOR: Record<string, string> = { active: 'green', suspended: 'orange', retired: 'default' };

function StatusTag({ status }: { status: string }) {
  const { t } = useLanguage();
  return <Tag color={STATUS_COLOR[status]}>{t.purchasingAdmin.statuses[status] ?? status}</Tag>;
}

/** The real identity, only after a stated reason (audited with it); forgotten when the dialog closes. */
function RevealIdentity({ buyer }: { buyer: Buyer }) {
  const { t } = useLanguage();
  const p = t.purchasingAdmin;
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.purchasing.POST('/buyers/{buyerId}/identity-reveals', {
          params: { path: { buyerId: buyer.id } },
          body: { reason },
        }),
      ),
  });
  const close = () => {
    setOpen(false);
    reveal.reset();
    form.resetFields();
  };
  const submit = async () => {
    const { reason } = await form.validateFields();
    reveal.mutate(reason.trim());
  };
  return (
    <>
      <Button
        size="small"
        icon={<EyeOutlined aria-hidden />}
        onClick={() => setOpen(true)}
        aria-label={`${p.reveal} ${buyer.pseudonym}`}
      >
        {p.reveal}
      </Button>
      <Modal
        open={open}
        title={`${p.revealTitle} · ${buyer.pseudonym}`}
        onCancel={close}
        destroyOnHidden
        footer={
          reveal.data ? (
            <Button onClick={close}>{p.close}</Button>
          ) : (
            <Space>
              <Button onClick={close}>{t.common.cancel}</Button>
              <Button type="primary" loading={reveal.isPending} onClick={() => void submit()}>
                {p.revealConfirm}
              </Button>
            </Space>
          )
        }
      >
        {reveal.data ? (
          <>
            <Descriptions column={1} size="small" bordered data-testid="revealed-identity">
              <Descriptions.Item label={p.pseudonym}>{reveal.data.pseudonym}</Descriptions.Item>
              <Descriptions.Item label={p.realName}>{reveal.data.realName}</Descriptions.Item>
              <Descriptions.Item label={p.idNumber}>{reveal.data.idNumber}</Descriptions.Item>
              <Descriptions.Item label={p.phone}>{reveal.data.phone}</Descriptions.Item>
            </Descriptions>
            <Alert type="info" showIcon message={p.revealedNote} style={{ marginTop: 12 }} />
          </>
        ) : (
          <>
            <Alert type="warning" showIcon icon={<LockOutlined />} message={p.revealHint} />
            <ErrorAlert error={reveal.error} />
            <Form form={form} layout="vertical" style={{ marginTop: 12 }} preserve={false}>
              <Form.Item
                name="reason"
                label={p.reasonLabel}
                rules={[
                  { required: true, whitespace: true, message: p.reasonRequired },
                  { min: 4, message: p.reasonRequired },
                  { max: 500 },
                ]}
              >
                <Input.TextArea rows={2} maxLength={500} placeholder={p.reasonPlaceholder} />
              </Form.Item>
            </Form>
          </>
        )}
      </Modal>
    </>
  );
}

function Qualify({ buyer }: { buyer: Buyer }) {
  const { t } = useLanguage();
  const p = t.purchasingAdmin;
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{
    commitmentSignedOn?: string;
    commitmentEvidenceId?: string;
    trainingCompletedOn?: string;
  }>();
  const save = useMutation({
    mutationFn: (body: {
      commitmentSignedOn?: string;
      commitmentEvidenceId?: string;
      trainingCompletedOn?: string;
    }) =>
      unwrap(
        api.purchasing.PUT('/buyers/{buyerId}/qualification', {
          params: { path: { buyerId: buyer.id } },
          body,
        }),
      ),
    onSuccess: () => {
      setOpen(false);
      void client.invalidateQueries({ queryKey: ['purchasing-admin'] });
    },
  });
  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(
      Object.fromEntries(Object.entries(v).filter(([, value]) => typeof value === 'string' && value)),
    );
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} aria-label={`${p.qualify} ${buyer.pseudonym}`}>
        {p.qualify}
      </Button>
      <Modal
        open={open}
        title={`${p.qualifyTitle} · ${buyer.pseudonym}`}
        okText={p.save}
        confirmLoading={save.isPending}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ErrorAlert error={save.error} />
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            commitmentSignedOn: buyer.commitmentSignedOn ?? undefined,
            commitmentEvidenceId: buyer.commitmentEvidenceId ?? undefined,
            trainingCompletedOn: buyer.trainingCompletedOn ?? undefined,
          }}
        >
          <Form.Item name="commitmentSignedOn" label={p.commitmentSignedOn}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="commitmentEvidenceId" label={p.commitmentEvidenceId}>
            <Input placeholder="00000000-0000-0000-0000-000000000000" />
          </Form.Item>
          <Form.Item name="trainingCompletedOn" label={p.trainingCompletedOn}>
            <Input type="date" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Suspend (ends the buyer's access to open tasks at once; the service reassigns them) or reactivate. */
function ChangeStatus({ buyer }: { buyer: Buyer }) {
  const { t } = useLanguage();
  const p = t.purchasingAdmin;
  const { message } = App.useApp();
  const client = useQueryClient();
  const target = buyer.status === 'active' ? 'suspended' : 'active';
  const change = useMutation({
    mutationFn: () =>
      unwrap(
        api.purchasing.PUT('/buyers/{buyerId}/status', {
          params: { path: { buyerId: buyer.id } },
          body: { status: target },
        }),
      ),
    onSuccess: () => {
      void message.success(p.statusChanged);
      void client.invalidateQueries({ queryKey: ['purchasing-admin'] });
    },
    onError: (e) => void message.error(e.message),
  });
  if (buyer.status === 'retired') return null;
  const label = target === 'suspended' ? p.suspend : p.reactivate;
  return (
    <Popconfirm
      title={target === 'suspended' ? p.suspendConfirm : p.reactivateConfirm}
      onConfirm={() => change.mutate()}
      okText={label}
      cancelText={t.common.cancel}
      overlayStyle={{ maxWidth: 320 }}
    >
      <Button
        size="small"
        danger={target === 'suspended'}
        loading={change.isPending}
        aria-label={`${label} ${buyer.pseudonym}`}
      >
        {label}
      </Button>
    </Popconfirm>
  );
}

function Accounts({ buyer }: { buyer: Buyer }) {
  const { t, language } = useLanguage();
  const p = t.purchasingAdmin;
  const accounts = useQuery({
    queryKey: ['purchasing-admin', 'accounts', buyer.id],
    queryFn: () =>
      unwrap(api.purchasing.GET('/buyers/{buyerId}/accounts', { params: { path: { buyerId: buyer.id } } })),
    retry,
  });
  return (
    <div>
      <Typography.Text strong>{p.accounts}</Typography.Text>
      <ErrorAlert error={accounts.error} />
      <Table<ShoppingAccount>
        rowKey="id"
        size="small"
        loading={accounts.isLoading}
        dataSource={accounts.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={p.noAccounts} /> }}
        columns={[
          { title: p.platform, dataIndex: 'platform' },
          { title: p.alias, dataIndex: 'alias' },
          { title: p.status, key: 'status', render: (_, a) => <StatusTag status={a.status} /> },
          {
            title: p.lastUsedAt,
            render: (_, a) => (a.lastUsedAt ? shanghaiTime(a.lastUsedAt, language) : p.neverUsed),
          },
        ]}
      />
    </div>
  );
}

function BuyersTable() {
  const { t, language } = useLanguage();
  const p = t.purchasingAdmin;
  const buyers = useQuery({
    queryKey: ['purchasing-admin', 'buyers'],
    queryFn: () => unwrap(api.purchasing.GET('/buyers', {})),
    retry,
  });
  return (
    <>
      <ErrorAlert error={buyers.error} />
      <Table<Buyer>
        rowKey="id"
        size="small"
        data-testid="buyers"
        loading={buyers.isLoading}
        dataSource={buyers.data ?? []}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20 }}
        expandable={{ expandedRowRender: (b) => <Accounts buyer={b} /> }}
        columns={[
          {
            title: p.pseudonym,
            dataIndex: 'pseudonym',
            width: 160,
            render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
          },
          { title: p.status, key: 'status', width: 100, render: (_, b) => <StatusTag status={b.status} /> },
          {
            title: p.qualification,
            width: 260,
            render: (_, b) => (
              <Space direction="vertical" size={0}>
                {b.qualified ? (
                  <Tag color="green">{p.qualified}</Tag>
                ) : (
                  <Tag color="red">{p.notQualified}</Tag>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.commitment}: {shanghaiDate(b.commitmentSignedOn, language)} · {p.training}:{' '}
                  {shanghaiDate(b.trainingCompletedOn, language)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: p.actions,
            key: 'actions',
            render: (_, b) => (
              <Space wrap size={[8, 8]}>
                <RevealIdentity buyer={b} />
                <Qualify buyer={b} />
                <ChangeStatus buyer={b} />
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

function AddressesTable() {
  const { t, language } = useLanguage();
  const p = t.purchasingAdmin;
  const addresses = useQuery({
    queryKey: ['purchasing-admin', 'addresses'],
    queryFn: () => unwrap(api.purchasing.GET('/addresses', {})),
    retry,
  });
  // The order assignment uses: active first, the least recently used (never used first).
  const rotation = [...(addresses.data ?? [])].sort(
    (a, b) =>
      Number(a.status !== 'active') - Number(b.status !== 'active') ||
      (a.lastUsedAt ?? '').localeCompare(b.lastUsedAt ?? ''),
  );
  const next = rotation.find((a) => a.status === 'active')?.id;
  return (
    <>
      <Alert type="info" showIcon message={p.rotationHint} style={{ marginBottom: 12 }} />
      <ErrorAlert error={addresses.error} />
      <Table<Address>
        rowKey="id"
        size="small"
        data-testid="addresses"
        loading={addresses.isLoading}
        dataSource={rotation}
        scroll={{ x: 700 }}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: p.label,
            dataIndex: 'label',
            render: (v: string, a) => (
              <>
                {v} {a.id === next ? <Tag color="blue">{p.rotationNext}</Tag> : null}
              </>
            ),
          },
          { title: p.area, dataIndex: 'areaCode', width: 110 },
          { title: p.relay, width: 80, render: (_, a) => (a.relay ? p.yes : p.no) },
          { title: p.status, key: 'status', width: 100, render: (_, a) => <StatusTag status={a.status} /> },
          {
            title: p.lastUsedAt,
            width: 170,
            render: (_, a) => (a.lastUsedAt ? shanghaiTime(a.lastUsedAt, language) : p.neverUsed),
          },
        ]}
      />
    </>
  );
}

function BlacklistsTable() {
  const { t, language } = useLanguage();
  const p = t.purchasingAdmin;
  const entries = useQuery({
    queryKey: ['purchasing-admin', 'blacklists'],
    queryFn: () => unwrap(api.purchasing.GET('/blacklists', {})),
    retry,
  });
  return (
    <>
      <ErrorAlert error={entries.error} />
      <Table<BlacklistEntry>
        rowKey="id"
        size="small"
        data-testid="blacklists"
        loading={entries.isLoading}
        dataSource={entries.data ?? []}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: p.sellerKey, dataIndex: 'sellerKey', width: 200 },
          {
            title: p.target,
            render: (_, e) => (
              <>
                <Tag>{p.targetKinds[e.targetKind] ?? e.targetKind}</Tag>
                <Typography.Text code style={{ fontSize: 12 }}>
                  {e.targetId.slice(0, 8)}
                </Typography.Text>
              </>
            ),
          },
          {
            title: p.batch,
            width: 140,
            render: (_, e) =>
              e.batchNumber ? <Link to={`/batches/${e.batchNumber}`}>{e.batchNumber}</Link> : '—',
          },
          { title: p.observedOn, dataIndex: 'observedOn', width: 120 },
          { title: p.note, dataIndex: 'note', render: (v: string | null) => v ?? '—' },
          {
            title: p.recordedBy,
            width: 170,
            render: (_, e) => `${e.recordedBy} · ${shanghaiTime(e.recordedAt, language)}`,
          },
        ]}
      />
    </>
  );
}

/** The buyer registry by pseudonym, the receiving-address pool with its rotation, and seller blacklists (one below the other: tabs would hide two of them on a phone). */
export default function Buyers() {
  const { t } = useLanguage();
  const p = t.purchasingAdmin;
  return (
    <Page title={p.buyersTitle}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{p.buyersTab}</h2>}>
          <BuyersTable />
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{p.addressesTab}</h2>}>
          <AddressesTable />
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{p.blacklistsTab}</h2>}>
          <BlacklistsTable />
        </Card>
      </Space>
    </Page>
  );
}
