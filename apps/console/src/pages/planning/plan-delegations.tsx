import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { planning } from '../../api/generated';
import { useSession } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { Actor } from '../../shared/actor';
import { areaLabel, districtsOf } from '../../shared/areas';
import { ErrorAlert } from '../../shared/errors';
import { Table } from '../../shared/table';
import { shanghaiTime } from '../../shared/time';

type Delegation = planning.components['schemas']['DelegationView'];
type Act = Delegation['acts'][number];
type Values = {
  matter: 'plan' | 'batch';
  batchNumber?: string;
  delegateAreaCode: string;
  reference: string;
  acts: Act[];
  validFrom?: string;
  validUntil: string;
  reason: string;
};

const ACTS: Act[] = ['sampling', 'notices', 'objections'];
const STATE_COLOURS: Record<Delegation['state'], string> = {
  active: 'green',
  expired: 'default',
  revoked: 'red',
};

/**
 * The plan's delegations to district bureaus (一事一委托): who, what, when, which acts; an approver
 * records one for the plan or one of its batches, and revokes it with a reason (kept, never deleted).
 */
export function PlanDelegations({ planId, open }: { planId: string; open: boolean }) {
  const { t, language } = useLanguage();
  const session = useSession();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [recording, setRecording] = useState(false);
  const [revoking, setRevoking] = useState<Delegation>();
  const [revokeReason, setRevokeReason] = useState('');
  const [form] = Form.useForm<Values>();
  const d = t.delegation;
  const isApprover = session.roles.includes('approver');

  const delegations = useQuery({
    queryKey: ['plan', planId, 'delegations'],
    queryFn: () => unwrap(api.planning.GET('/delegations', { params: { query: { planId } } })),
  });
  const done = (text: string) => {
    void message.success(text);
    void queries.invalidateQueries({ queryKey: ['plan', planId, 'delegations'] });
  };
  const record = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.planning.POST('/delegations', {
          body: {
            ...(v.matter === 'batch' ? { batchNumber: v.batchNumber?.trim() } : { planId }),
            delegateAreaCode: v.delegateAreaCode,
            reference: v.reference.trim(),
            acts: v.acts,
            ...(v.validFrom ? { validFrom: v.validFrom } : {}),
            validUntil: v.validUntil,
            reason: v.reason.trim(),
          },
        }),
      ),
    onSuccess: () => {
      setRecording(false);
      form.resetFields();
      done(d.recorded);
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.planning.POST('/delegations/{id}/revocation', {
          params: { path: { id } },
          body: { reason: revokeReason.trim() },
        }),
      ),
    onSuccess: () => {
      setRevoking(undefined);
      setRevokeReason('');
      done(d.revoked);
    },
  });
  const required = [{ required: true, message: d.required }];

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{d.title}</h2>} data-testid="plan-delegations">
      {/* In the body, not the card's header: on a phone the header's title would be cut off. */}
      {isApprover && open ? (
        <Button onClick={() => setRecording(true)} style={{ marginBottom: 12 }}>
          {d.record}
        </Button>
      ) : null}
      <ErrorAlert error={delegations.error ?? revoke.error} />
      <Table<Delegation>
        size="small"
        rowKey="id"
        loading={delegations.isLoading}
        dataSource={delegations.data ?? []}
        locale={{ emptyText: d.none }}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            title: d.matter,
            dataIndex: 'matter',
            width: 130,
            render: (_: string, row) =>
              row.batchNumber ? (
                <Link to={`/batches/${row.batchNumber}`}>{row.batchNumber}</Link>
              ) : (
                `${d.matters.plan} (${row.batches.length})`
              ),
          },
          {
            title: d.delegate,
            dataIndex: ['delegate', 'name'],
            render: (name: string, row) => (
              <span>
                {name}
                <br />
                <Typography.Text type="secondary">
                  {language === 'en' ? `${d.delegator}: ` : '受'}
                  {row.delegator.name}
                  {language === 'en' ? '' : '委托'}
                </Typography.Text>
              </span>
            ),
          },
          { title: d.reference, dataIndex: 'reference' },
          {
            title: d.acts,
            dataIndex: 'acts',
            render: (acts: Act[]) => acts.map((a) => d.actNames[a]).join(language === 'en' ? ', ' : '、'),
          },
          {
            title: d.validity,
            dataIndex: 'validUntil',
            render: (_: string, row) => `${row.validFrom} – ${row.validUntil}`,
          },
          {
            title: d.state,
            dataIndex: 'state',
            render: (state: Delegation['state'], row) => (
              <span>
                <Tag color={STATE_COLOURS[state]}>{d.states[state]}</Tag>
                {row.revokedAt ? (
                  <Typography.Text type="secondary">
                    {d.revokedBy} <Actor id={row.revokedBy} none="—" />
                    {` · ${shanghaiTime(row.revokedAt, language)} · ${row.revocationReason ?? ''}`}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">
                    {d.recordedBy} <Actor id={row.recordedBy} />
                  </Typography.Text>
                )}
              </span>
            ),
          },
          ...(isApprover
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, row: Delegation) =>
                    row.state === 'active' ? (
                      <Button size="small" danger onClick={() => setRevoking(row)}>
                        {d.revoke}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={recording}
        title={d.record}
        okText={d.record}
        cancelText={t.common.cancel}
        confirmLoading={record.isPending}
        onOk={() => form.submit()}
        onCancel={() => setRecording(false)}
        width={640}
      >
        <Typography.Paragraph type="secondary">{d.oneMatter}</Typography.Paragraph>
        <ErrorAlert error={record.error} />
        <Form<Values>
          form={form}
          layout="vertical"
          name="delegation"
          data-testid="delegation-form"
          initialValues={{ matter: 'plan', acts: ACTS }}
          onFinish={(values) => record.mutate(values)}
        >
          <Form.Item name="matter" label={d.matter}>
            <Radio.Group
              options={[
                { value: 'plan', label: d.matters.plan },
                { value: 'batch', label: d.matters.batch },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.matter !== b.matter}>
            {({ getFieldValue }) =>
              getFieldValue('matter') === 'batch' ? (
                <Form.Item name="batchNumber" label={d.batchNumber} rules={required}>
                  <Input maxLength={20} placeholder="HZ2026-000123" />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          <Form.Item name="delegateAreaCode" label={d.delegate} rules={required}>
            <Select
              showSearch
              optionFilterProp="label"
              options={districtsOf('330100').map((code) => ({
                value: code,
                label: areaLabel(code, language),
              }))}
            />
          </Form.Item>
          <Form.Item name="reference" label={d.reference} rules={required}>
            <Input maxLength={100} placeholder="杭市监委〔2026〕12号" />
          </Form.Item>
          <Form.Item name="acts" label={d.acts} rules={required}>
            <Checkbox.Group
              options={ACTS.map((a) => ({ value: a, label: d.actNames[a], disabled: a === 'sampling' }))}
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name="validFrom" label={d.validFrom}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="validUntil" label={d.validUntil} rules={required}>
              <Input type="date" />
            </Form.Item>
          </Space>
          <Form.Item name="reason" label={d.reason} rules={required}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={revoking !== undefined}
        title={`${d.revokeTitle} · ${revoking?.reference ?? ''}`}
        okText={d.revoke}
        okButtonProps={{ danger: true, disabled: revokeReason.trim().length < 2, loading: revoke.isPending }}
        cancelText={t.common.cancel}
        onOk={() => revoking && revoke.mutate(revoking.id)}
        onCancel={() => setRevoking(undefined)}
      >
        <label htmlFor="revoke-reason">{d.revokeReason}</label>
        <Input.TextArea
          id="revoke-reason"
          value={revokeReason}
          onChange={(e) => setRevokeReason(e.target.value)}
          rows={3}
          maxLength={2000}
        />
      </Modal>
    </Card>
  );
}
