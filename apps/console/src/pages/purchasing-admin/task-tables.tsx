import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { hasAnyRole, useSession } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { shanghaiTime } from '../../shared/time';
import { unitPriceOf, useTasks, yuan, type Task } from './admin-api';
import { Table } from '../../shared/table';

/** An approver approves a unit price above the cap, saying why (the service audits it). */
function Approve({ task }: { task: Task }) {
  const { t } = useLanguage();
  const p = t.purchasingAdmin;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const approve = useMutation({
    mutationFn: (note: string) =>
      unwrap(
        api.purchasing.POST('/tasks/{batchNumber}/price-approval', {
          params: { path: { batchNumber: task.batchNumber } },
          body: { note },
        }),
      ),
    onSuccess: () => {
      setOpen(false);
      void message.success(p.approved);
      void client.invalidateQueries({ queryKey: ['purchasing-admin'] });
    },
  });
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)}>
        {p.approve}
      </Button>
      <Modal
        open={open}
        title={`${p.approveTitle} · ${task.batchNumber}`}
        okText={p.approve}
        confirmLoading={approve.isPending}
        onOk={() => void form.validateFields().then(({ note }) => approve.mutate(note.trim()))}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ErrorAlert error={approve.error} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="note" label={p.approveNote} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Purchases above the plan's price cap waiting for an approver, the nearest deadline first. */
export function AwaitingApproval({ compact = false }: { compact?: boolean }) {
  const { t, language } = useLanguage();
  const p = t.purchasingAdmin;
  const session = useSession();
  const approver = hasAnyRole(session, ['approver']);
  const tasks = useTasks('awaiting-price-approval');
  return (
    <>
      <ErrorAlert error={tasks.error} />
      <Table<Task>
        rowKey="batchNumber"
        size="small"
        data-testid="awaiting-price-approval"
        loading={tasks.isLoading}
        dataSource={compact ? (tasks.data ?? []).slice(0, 5) : (tasks.data ?? [])}
        pagination={compact ? false : { pageSize: 20 }}
        scroll={{ x: compact ? 520 : 900 }}
        locale={{ emptyText: <Empty description={p.noAwaiting} /> }}
        columns={[
          {
            title: p.batch,
            width: 140,
            render: (_, task) => <Link to={`/batches/${task.batchNumber}`}>{task.batchNumber}</Link>,
          },
          ...(compact ? [] : [{ title: p.listing, render: (_: unknown, task: Task) => task.listing.title }]),
          { title: p.cap, width: 100, render: (_, task) => yuan(task.unitPriceCapFen) },
          {
            title: p.price,
            width: 110,
            render: (_, task) => <Typography.Text type="danger">{yuan(unitPriceOf(task))}</Typography.Text>,
          },
          {
            title: p.purchaseDue,
            width: 150,
            render: (_, task) => shanghaiTime(task.purchaseDueAt, language),
          },
          ...(approver && !compact
            ? [
                {
                  title: p.actions,
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, task: Task) => <Approve task={task} />,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

/** Batches no qualified buyer (or no eligible address) could take yet. */
export function AwaitingBuyer({ compact = false }: { compact?: boolean }) {
  const { t, language } = useLanguage();
  const p = t.purchasingAdmin;
  const tasks = useTasks('unassigned');
  return (
    <>
      <ErrorAlert error={tasks.error} />
      <Table<Task>
        rowKey="batchNumber"
        size="small"
        data-testid="awaiting-buyer"
        loading={tasks.isLoading}
        dataSource={compact ? (tasks.data ?? []).slice(0, 5) : (tasks.data ?? [])}
        pagination={compact ? false : { pageSize: 20 }}
        scroll={{ x: compact ? 420 : 800 }}
        locale={{ emptyText: <Empty description={p.noWaiting} /> }}
        columns={[
          {
            title: p.batch,
            width: 140,
            render: (_, task) => <Link to={`/batches/${task.batchNumber}`}>{task.batchNumber}</Link>,
          },
          { title: p.platform, dataIndex: 'platform', width: 100 },
          ...(compact ? [] : [{ title: p.listing, render: (_: unknown, task: Task) => task.listing.title }]),
          {
            title: p.purchaseDue,
            width: 150,
            render: (_, task) => shanghaiTime(task.purchaseDueAt, language),
          },
        ]}
      />
    </>
  );
}
