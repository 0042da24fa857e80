import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Card, Descriptions, Input, Modal, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { planning } from '../../api/generated';
import { useSession } from '../../auth/session';
import { fill, useLanguage } from '../../i18n/language';
import { Actor } from '../../shared/actor';
import { categoryLabel } from '../../shared/categories';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime, yuan } from '../../shared/time';
import { PlanDelegations } from './plan-delegations';
import { PlanStatus } from './plan-status';
import { Table } from '../../shared/table';

type Plan = planning.components['schemas']['PlanView'];
type Selected = planning.components['schemas']['SelectedListingView'];
type Issued = planning.components['schemas']['IssuedBatchView'];

/** One plan: its scheme, the workflow actions the signed-in roles may take, the draw and the batches. */
export default function PlanDetail() {
  const { id = '' } = useParams();
  const { t, language } = useLanguage();
  const session = useSession();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [issued, setIssued] = useState<Issued[]>();

  const plan = useQuery({
    queryKey: ['plan', id],
    queryFn: () => unwrap(api.planning.GET('/plans/{id}', { params: { path: { id } } })),
  });
  const p = plan.data;
  const selectionDone = Boolean(p?.selectedAt);
  const selection = useQuery({
    queryKey: ['plan', id, 'selection'],
    enabled: selectionDone,
    queryFn: () => unwrap(api.planning.GET('/plans/{id}/selection', { params: { path: { id } } })),
  });

  const refresh = (text: string) => {
    void message.success(text);
    void queries.invalidateQueries({ queryKey: ['plan', id] });
    void queries.invalidateQueries({ queryKey: ['plans'] });
  };
  const path = { params: { path: { id } } };
  const submit = useMutation({
    mutationFn: () => unwrap(api.planning.POST('/plans/{id}/submit', path)),
    onSuccess: () => refresh(t.plan.submitted),
  });
  const approve = useMutation({
    mutationFn: () => unwrap(api.planning.POST('/plans/{id}/approve', path)),
    onSuccess: () => refresh(t.plan.approved),
  });
  const sendBack = useMutation({
    mutationFn: () => unwrap(api.planning.POST('/plans/{id}/return', { ...path, body: { reason } })),
    onSuccess: () => {
      setReturning(false);
      refresh(t.plan.returnedMsg);
    },
  });
  const select = useMutation({
    mutationFn: () => unwrap(api.planning.POST('/plans/{id}/selection', path)),
    onSuccess: () => refresh(t.plan.selected),
  });
  const issue = useMutation({
    mutationFn: () => unwrap(api.planning.POST('/plans/{id}/issue', path)),
    onSuccess: (batches) => {
      setIssued(batches);
      refresh(fill(t.plan.issued, { n: batches.length }));
    },
  });
  const failure = submit.error ?? approve.error ?? sendBack.error ?? select.error ?? issue.error;

  if (plan.error)
    return (
      <Page title={t.menu.plans}>
        <ErrorAlert error={plan.error} />
      </Page>
    );
  if (!p)
    return (
      <Page title={t.menu.plans}>
        <Typography.Text>{t.common.loading}</Typography.Text>
      </Page>
    );

  const isPlanner = session.roles.includes('planner');
  const isApprover = session.roles.includes('approver');
  const selfApproval = p.mayNotApprove.includes(session.subject);
  const canAct =
    (isPlanner && p.status === 'draft') ||
    (isApprover && p.status === 'submitted') ||
    (isPlanner && p.status === 'approved' && !p.issuedAt);

  return (
    <Page title={p.title} extra={<PlanStatus status={p.status} returned={p.returned} />}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ErrorAlert error={failure} />
        {p.returned && p.status === 'draft' ? (
          <Alert
            type="warning"
            showIcon
            message={
              <>
                {t.plan.returnedBy}: <Actor id={p.returnedBy} none="—" />
              </>
            }
            description={p.returnedReason}
          />
        ) : null}
        {canAct && (
          <Card>
            <Space wrap>
              {isPlanner && p.status === 'draft' && (
                <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate()}>
                  {t.plan.submitAction}
                </Button>
              )}
              {isApprover && p.status === 'submitted' && (
                <>
                  <Tooltip title={selfApproval ? t.plan.fourEyes : undefined}>
                    <Button
                      type="primary"
                      disabled={selfApproval}
                      loading={approve.isPending}
                      onClick={() => approve.mutate()}
                    >
                      {t.plan.approve}
                    </Button>
                  </Tooltip>
                  <Button danger disabled={selfApproval} onClick={() => setReturning(true)}>
                    {t.plan.returnAction}
                  </Button>
                  {selfApproval && <Typography.Text type="warning">{t.plan.fourEyes}</Typography.Text>}
                </>
              )}
              {isPlanner && p.status === 'approved' && !selectionDone && (
                <Button type="primary" loading={select.isPending} onClick={() => select.mutate()}>
                  {t.plan.select}
                </Button>
              )}
              {isPlanner && p.status === 'approved' && selectionDone && !p.issuedAt && (
                <Button type="primary" loading={issue.isPending} onClick={() => issue.mutate()}>
                  {t.plan.issue}
                </Button>
              )}
            </Space>
          </Card>
        )}
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.plan.stepBasics}</h2>}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t.plan.kind}>{t.plan.kinds[p.kind]}</Descriptions.Item>
            {p.emergencyTrigger ? (
              <Descriptions.Item label={t.plan.trigger}>
                {t.plan.triggers[p.emergencyTriggerKind ?? p.emergencyTrigger]}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t.plan.author}>
              <Actor id={p.author} />
            </Descriptions.Item>
            <Descriptions.Item label={t.plan.createdAt}>
              {shanghaiTime(p.createdAt, language)}
            </Descriptions.Item>
            <Descriptions.Item label={t.plan.submittedAt}>
              {shanghaiTime(p.submittedAt, language)}
            </Descriptions.Item>
            <Descriptions.Item label={t.plan.approvedBy}>
              <Actor id={p.approvedBy} none="—" />
            </Descriptions.Item>
            <Descriptions.Item label={t.plan.randomShare}>
              {Math.round(p.randomShare * 100)}%
            </Descriptions.Item>
            <Descriptions.Item label={t.plan.seed}>
              <Typography.Text code copyable>
                {p.seed}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t.plan.budget}>{yuan(p.scheme.budgetFen)}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="category"
            pagination={false}
            scroll={{ x: 600 }}
            dataSource={p.scheme.categories}
            columns={[
              {
                title: t.plan.category,
                dataIndex: 'category',
                render: (c: string) => categoryLabel(c, language),
              },
              { title: t.plan.quota, dataIndex: 'quota' },
              { title: t.plan.priceCap, dataIndex: 'unitPriceCapFen', render: (f: number) => yuan(f) },
              { title: t.plan.testUnits, dataIndex: 'testUnits' },
              { title: t.plan.backupUnits, dataIndex: 'backupUnits' },
              {
                title: t.plan.testItems,
                dataIndex: 'testItems',
                render: (items: string[]) => items.join('、') || '—',
              },
            ]}
          />
        </Card>
        {selectionDone && (
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.plan.draw}</h2>} data-testid="plan-draw">
            <Typography.Paragraph>
              {t.plan.seed}: <Typography.Text code>{p.seed}</Typography.Text>
            </Typography.Paragraph>
            <ErrorAlert error={selection.error} />
            <Table<Selected>
              size="small"
              rowKey="listingId"
              loading={selection.isLoading}
              dataSource={selection.data ?? []}
              scroll={{ x: 640 }}
              pagination={{ pageSize: 20 }}
              columns={[
                {
                  title: t.plan.category,
                  dataIndex: 'category',
                  render: (c: string) => categoryLabel(c, language),
                },
                { title: t.listings.platform, dataIndex: 'platform' },
                { title: t.listings.title, dataIndex: 'platformListingId' },
                {
                  title: t.plan.way,
                  dataIndex: 'way',
                  render: (w: Selected['way']) => <Tag>{w === 'ranked' ? t.plan.ranked : t.plan.random}</Tag>,
                },
                { title: t.plan.position, dataIndex: 'position' },
                { title: t.plan.score, dataIndex: 'score', render: (s: number) => s.toFixed(3) },
              ]}
            />
          </Card>
        )}
        <PlanDelegations planId={p.id} open={p.status !== 'closed'} />
        {issued && (
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.plan.batches}</h2>}
            data-testid="issued-batches"
          >
            <Table<Issued>
              size="small"
              rowKey="batchNumber"
              dataSource={issued}
              pagination={{ pageSize: 20 }}
              scroll={{ x: 600 }}
              columns={[
                {
                  title: t.batch.title,
                  dataIndex: 'batchNumber',
                  render: (b: string) => <Link to={`/batches/${b}`}>{b}</Link>,
                },
                {
                  title: t.plan.category,
                  dataIndex: 'category',
                  render: (c: string) => categoryLabel(c, language),
                },
                { title: t.listings.platform, dataIndex: 'platform' },
                {
                  title: t.batch.at,
                  dataIndex: 'issuedAt',
                  render: (at: string) => shanghaiTime(at, language),
                },
              ]}
            />
          </Card>
        )}
      </Space>
      <Modal
        open={returning}
        title={t.plan.returnAction}
        okText={t.plan.returnAction}
        cancelText={t.common.cancel}
        okButtonProps={{ disabled: reason.trim().length === 0, loading: sendBack.isPending }}
        onOk={() => sendBack.mutate()}
        onCancel={() => setReturning(false)}
      >
        <label htmlFor="return-reason">{t.plan.returnReason}</label>
        <Input.TextArea
          id="return-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={4}
          maxLength={2000}
        />
      </Modal>
    </Page>
  );
}

export type { Plan };
