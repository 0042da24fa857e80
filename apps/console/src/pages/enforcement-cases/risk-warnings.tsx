import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { hasAnyRole, useSession } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { Actor } from '../../shared/actor';
import { ErrorAlert } from '../../shared/errors';
import { shanghaiTime } from '../../shared/time';
import { useRiskWarnings, type RiskWarning } from './cases-api';

const STATUS_COLORS: Record<string, string> = {
  proposed: 'gold',
  rejected: 'default',
  issued: 'red',
  withdrawn: 'default',
};

interface ProposeForm {
  title?: string;
  risk: string;
  advice: string;
}

/** Whether the signed-in user proposes and decides risk warnings (the API keeps the four-eyes rule). */
export function useDecidesRiskWarnings(): boolean {
  return hasAnyRole(useSession(), ['enforcement-officer', 'approver']);
}

/** "Propose risk warning" for a failed batch: the officer writes the risk and the advice. */
export function ProposeRiskWarning({ batchNumber }: { batchNumber: string }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ProposeForm>();
  const propose = useMutation({
    mutationFn: (v: ProposeForm) =>
      unwrap(
        api.enforcement.POST('/batches/{batchNumber}/risk-warnings', {
          params: { path: { batchNumber } },
          body: {
            ...(v.title?.trim() ? { title: v.title.trim() } : {}),
            risk: v.risk.trim(),
            advice: v.advice.trim(),
          },
        }),
      ),
    onSuccess: async () => {
      setOpen(false);
      form.resetFields();
      void message.success(t.cases.riskProposed);
      await client.invalidateQueries({ queryKey: ['cases', 'risk-warnings'] });
    },
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t.cases.proposeRisk}
      </Button>
      <Modal
        open={open}
        title={`${t.cases.proposeRisk} · ${batchNumber}`}
        okText={t.common.submit}
        cancelText={t.common.cancel}
        confirmLoading={propose.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ErrorAlert error={propose.error} />
        <Form form={form} layout="vertical" onFinish={(v) => propose.mutate(v)}>
          <Form.Item name="title" label={t.cases.riskTitle} extra={t.cases.riskTitleHint}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item
            name="risk"
            label={t.cases.riskText}
            extra={t.cases.riskTextHint}
            rules={[{ required: true, whitespace: true, min: 10 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="advice"
            label={t.cases.riskAdvice}
            extra={t.cases.riskAdviceHint}
            rules={[{ required: true, whitespace: true, min: 10 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

type Decision = { kind: 'reject' | 'withdraw'; warning: RiskWarning };

/** The risk warnings the reader may see, with the decisions a second person takes on them. */
export function RiskWarnings() {
  const { t, language } = useLanguage();
  const session = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const readers = hasAnyRole(session, ['enforcement-officer', 'approver', 'auditor']);
  const deciders = hasAnyRole(session, ['enforcement-officer', 'approver']);
  const found = useRiskWarnings(readers);
  const [asking, setAsking] = useState<Decision | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const done = (text: string) => async () => {
    setAsking(null);
    form.resetFields();
    void message.success(text);
    await client.invalidateQueries({ queryKey: ['cases', 'risk-warnings'] });
  };
  const decide = useMutation({
    mutationFn: (v: { id: string; approve: boolean; reason?: string }) =>
      unwrap(
        api.enforcement.POST('/risk-warnings/{id}/decision', {
          params: { path: { id: v.id } },
          body: { approve: v.approve, ...(v.reason ? { reason: v.reason } : {}) },
        }),
      ),
    onSuccess: (w) => done(w.status === 'issued' ? t.cases.riskIssued : t.cases.riskRejected)(),
  });
  const withdraw = useMutation({
    mutationFn: (v: { id: string; reason: string }) =>
      unwrap(
        api.enforcement.POST('/risk-warnings/{id}/withdrawal', {
          params: { path: { id: v.id } },
          body: { reason: v.reason },
        }),
      ),
    onSuccess: done(t.cases.riskWithdrawn),
  });
  if (!readers) return null;
  const mine = (w: RiskWarning) => w.proposedBy === session.subject || w.proposedBy === session.username;
  return (
    <Card
      data-testid="risk-warnings"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.cases.riskWarnings}</h2>}
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t.cases.riskWarningsHint}</Typography.Text>
        <ErrorAlert error={found.error ?? decide.error ?? withdraw.error} />
        <Table<RiskWarning>
          rowKey="id"
          size="small"
          loading={found.isLoading}
          dataSource={found.data ?? []}
          locale={{ emptyText: <Empty description={t.cases.noRiskWarnings} /> }}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          expandable={{
            expandedRowRender: (w) => (
              <Space direction="vertical" size={4}>
                <Typography.Text>
                  {t.cases.riskItems}: {w.failingItems.join('、') || '—'}
                </Typography.Text>
                <Typography.Text>
                  {t.cases.riskText}: {w.risk}
                </Typography.Text>
                <Typography.Text>
                  {t.cases.riskAdvice}: {w.advice}
                </Typography.Text>
                {w.decisionReason || w.withdrawalReason ? (
                  <Typography.Text>
                    {t.cases.riskReason}: {w.withdrawalReason ?? w.decisionReason}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          }}
          columns={[
            { title: t.cases.riskTitle, dataIndex: 'title' },
            {
              title: t.cases.batch,
              dataIndex: 'batchNumber',
              render: (b: string) => <Link to={`/batches/${b}`}>{b}</Link>,
            },
            { title: t.cases.producer, dataIndex: 'producerName', render: (p: string | null) => p ?? '—' },
            {
              title: t.cases.status,
              dataIndex: 'status',
              render: (s: string) => <Tag color={STATUS_COLORS[s]}>{t.cases.riskStatus[s] ?? s}</Tag>,
            },
            {
              title: t.cases.proposedBy,
              dataIndex: 'proposedBy',
              render: (by: string) => <Actor id={by} />,
            },
            {
              title: t.cases.proposedAt,
              dataIndex: 'proposedAt',
              render: (at: string) => shanghaiTime(at, language),
            },
            {
              title: t.cases.decidedBy,
              dataIndex: 'decidedBy',
              render: (d: string | null) => <Actor id={d} none="—" />,
            },
            ...(deciders
              ? [
                  {
                    title: t.cases.actions,
                    key: 'actions',
                    render: (_: unknown, w: RiskWarning) =>
                      w.status === 'proposed' && !mine(w) ? (
                        <Space wrap>
                          <Button
                            size="small"
                            type="primary"
                            loading={decide.isPending}
                            onClick={() => decide.mutate({ id: w.id, approve: true })}
                          >
                            {t.cases.approveRisk}
                          </Button>
                          <Button size="small" onClick={() => setAsking({ kind: 'reject', warning: w })}>
                            {t.cases.rejectRisk}
                          </Button>
                        </Space>
                      ) : w.status === 'issued' ? (
                        <Button
                          size="small"
                          danger
                          onClick={() => setAsking({ kind: 'withdraw', warning: w })}
                        >
                          {t.cases.withdrawRisk}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Space>
      <Modal
        open={asking !== null}
        title={
          asking
            ? `${asking.kind === 'withdraw' ? t.cases.withdrawRisk : t.cases.rejectRisk} · ${asking.warning.title}`
            : ''
        }
        okText={t.common.confirm}
        cancelText={t.common.cancel}
        okButtonProps={{ danger: asking?.kind === 'withdraw' }}
        confirmLoading={decide.isPending || withdraw.isPending}
        onOk={() => form.submit()}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => {
            if (!asking) return;
            const reason = v.reason.trim();
            if (asking.kind === 'withdraw') withdraw.mutate({ id: asking.warning.id, reason });
            else decide.mutate({ id: asking.warning.id, approve: false, reason });
          }}
        >
          <Form.Item
            name="reason"
            label={t.cases.riskReason}
            rules={[{ required: true, whitespace: true, min: 4 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
