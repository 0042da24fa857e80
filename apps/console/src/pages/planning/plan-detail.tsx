import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Modal,
  Popconfirm,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
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
import { PlanStatus } from './plan-status';
import { RiskFactors } from './risk-factors';

type Plan = planning.components['schemas']['PlanView'];
type Selected = planning.components['schemas']['SelectedListingView'];
type Issued = planning.components['schemas']['IssuedBatchView'];
type CategoryDraw = planning.components['schemas']['CategorySelectionView'];
type Quota = planning.components['schemas']['CategoryQuota'];

/** Some nullable strings are typed as objects in the generated documents (issue 21). */
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

const h2 = (title: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>;

/** Where the plan stands in its workflow, with who did each step (four eyes made visible). */
function Workflow({ p }: { p: Plan }) {
  const { t, language } = useLanguage();
  const steps = [
    { key: 'draft', at: p.createdAt, by: p.author },
    { key: 'submitted', at: p.submittedAt, by: p.submittedBy },
    { key: 'approved', at: p.approvedAt, by: p.approvedBy },
    { key: 'selected', at: text(p.selectedAt), by: null },
    { key: 'issued', at: text(p.issuedAt), by: null },
    { key: 'closed', at: p.closedAt, by: null },
  ] as const;
  const current = steps.reduce((last, s, i) => (s.at ? i : last), 0);
  return (
    <Steps
      size="small"
      current={current}
      status={p.returned && p.status === 'draft' ? 'error' : undefined}
      responsive
      items={steps.map((s) => ({
        title: t.plan.flow[s.key],
        description: s.at ? (
          <span style={{ fontSize: 12 }}>
            {shanghaiTime(s.at, language)}
            {s.by ? (
              <>
                <br />
                <Actor id={s.by} />
              </>
            ) : null}
          </span>
        ) : undefined,
      }))}
    />
  );
}

/** Why one listing was drawn: its factors and each rule the draw checked. */
function Explanation({ planId, listing, onClose }: { planId: string; listing?: Selected; onClose(): void }) {
  const { t } = useLanguage();
  const why = useQuery({
    queryKey: ['plan', planId, 'explanation', listing?.listingId],
    enabled: Boolean(listing),
    queryFn: () =>
      unwrap(
        api.planning.GET('/plans/{id}/listings/{listingId}/explanation', {
          params: { path: { id: planId, listingId: listing!.listingId } },
        }),
      ),
  });
  const rules = t.plan.rules as Record<string, string>;
  return (
    <Modal
      open={Boolean(listing)}
      title={`${t.plan.why} · ${listing?.platformListingId ?? ''}`}
      footer={null}
      onCancel={onClose}
      width={680}
    >
      <ErrorAlert error={why.error} />
      {why.data ? (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Alert type={why.data.selected ? 'success' : 'info'} showIcon message={why.data.summary} />
          <RiskFactors factors={why.data.factors} score={why.data.score as number | null} />
          <Table
            size="small"
            rowKey="rule"
            pagination={false}
            scroll={{ x: 480 }}
            dataSource={why.data.checks}
            columns={[
              { title: t.plan.checks, dataIndex: 'rule', render: (r: string) => rules[r] ?? r },
              {
                title: t.plan.status,
                dataIndex: 'passed',
                width: 90,
                render: (ok: boolean) => (
                  <Tag color={ok ? 'green' : 'red'}>{ok ? t.plan.passed : t.plan.failed}</Tag>
                ),
              },
              { title: t.importListings.reason, dataIndex: 'detail' },
            ]}
          />
        </Space>
      ) : (
        <Typography.Text>{t.common.loading}</Typography.Text>
      )}
    </Modal>
  );
}

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
  const [explained, setExplained] = useState<Selected>();

  const plan = useQuery({
    queryKey: ['plan', id],
    queryFn: () => unwrap(api.planning.GET('/plans/{id}', { params: { path: { id } } })),
  });
  const p = plan.data;
  const selectionDone = Boolean(p?.selectedAt);
  const selection = useQuery({
    queryKey: ['plan', id, 'selection', p?.selectedAt],
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
      setReason('');
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
  const close = useMutation({
    mutationFn: () => unwrap(api.planning.POST('/plans/{id}/close', path)),
    onSuccess: () => refresh(t.plan.closedMsg),
  });
  const failure =
    submit.error ?? approve.error ?? sendBack.error ?? select.error ?? issue.error ?? close.error;

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
  // Four eyes: the author and the submitter may not approve (the service refuses with 409 too).
  const selfApproval = p.mayNotApprove.includes(session.subject);
  const mayClose = (isPlanner || isApprover) && p.status === 'active';
  const canAct =
    (isPlanner && p.status === 'draft') ||
    (isApprover && p.status === 'submitted') ||
    (isPlanner && p.status === 'approved' && !p.issuedAt) ||
    mayClose;
  const scheme = p.scheme;

  return (
    <Page title={p.title} extra={<PlanStatus status={p.status} returned={p.returned} />}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ErrorAlert error={failure} />
        <Card>
          <Workflow p={p} />
        </Card>
        {p.returned && p.status === 'draft' ? (
          <Alert
            type="warning"
            showIcon
            message={
              <>
                {t.plan.returnedBy}: <Actor id={p.returnedBy} none="—" /> ·{' '}
                {shanghaiTime(p.returnedAt, language)}
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
                      aria-describedby={selfApproval ? 'four-eyes-reason' : undefined}
                    >
                      {t.plan.approve}
                    </Button>
                  </Tooltip>
                  <Button danger disabled={selfApproval} onClick={() => setReturning(true)}>
                    {t.plan.returnAction}
                  </Button>
                  {selfApproval && (
                    <Typography.Text type="warning" id="four-eyes-reason">
                      {t.plan.fourEyes}
                    </Typography.Text>
                  )}
                </>
              )}
              {isPlanner && p.status === 'approved' && !selectionDone && (
                <Button type="primary" loading={select.isPending} onClick={() => select.mutate()}>
                  {t.plan.select}
                </Button>
              )}
              {isPlanner && p.status === 'approved' && selectionDone && !p.issuedAt && (
                <>
                  <Button type="primary" loading={issue.isPending} onClick={() => issue.mutate()}>
                    {t.plan.issue}
                  </Button>
                  <Button loading={select.isPending} onClick={() => select.mutate()}>
                    {t.plan.select}
                  </Button>
                </>
              )}
              {mayClose && (
                <Popconfirm
                  title={t.plan.closeConfirm}
                  okText={t.common.confirm}
                  cancelText={t.common.cancel}
                  onConfirm={() => close.mutate()}
                >
                  <Button loading={close.isPending}>{t.plan.close}</Button>
                </Popconfirm>
              )}
            </Space>
          </Card>
        )}
        <Card title={h2(t.plan.stepBasics)}>
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
            <Descriptions.Item label={t.plan.kind}>{t.plan.kinds[p.kind]}</Descriptions.Item>
            {p.emergencyTrigger ? (
              <Descriptions.Item label={t.plan.trigger}>
                {t.plan.triggers[p.emergencyTrigger]}
              </Descriptions.Item>
            ) : null}
            {text(p.followUpOf) ? (
              <Descriptions.Item label={t.plan.followUpOf}>
                <Link to={`/batches/${text(p.followUpOf)}`}>{text(p.followUpOf)}</Link>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t.plan.author}>
              <Actor id={p.author} />
            </Descriptions.Item>
            <Descriptions.Item label={t.plan.submittedBy}>
              <Actor id={p.submittedBy} none="—" />
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
            <Descriptions.Item label={t.plan.budget}>{yuan(scheme.budgetFen)}</Descriptions.Item>
            <Descriptions.Item label={t.plan.purchaseWithinDays}>
              {scheme.purchaseWithinDays ?? 7}
            </Descriptions.Item>
            <Descriptions.Item label={t.plan.platforms}>
              {scheme.platforms?.length ? scheme.platforms.join('、') : t.plan.allPlatforms}
            </Descriptions.Item>
            {scheme.contacts.length ? (
              <Descriptions.Item label={t.plan.contacts}>
                {scheme.contacts.map((c) => `${c.name} ${c.phone}`).join('；')}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {text(p.emergencyEvidence) ? (
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t.plan.evidence}>{text(p.emergencyEvidence)}</Descriptions.Item>
            </Descriptions>
          ) : null}
          <Table<Quota>
            size="small"
            rowKey="category"
            pagination={false}
            scroll={{ x: 760 }}
            dataSource={scheme.categories}
            style={{ marginTop: 12 }}
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
                title: t.plan.standards,
                dataIndex: 'testStandards',
                render: (items: string[]) => items.join('、') || '—',
              },
              {
                title: t.plan.testItems,
                dataIndex: 'testItems',
                render: (items: string[]) => items.join('、') || '—',
              },
            ]}
          />
          <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
            <Descriptions.Item label={t.plan.judgmentRules}>{scheme.judgmentRules}</Descriptions.Item>
            <Descriptions.Item label={t.plan.resultNotification}>
              {scheme.resultNotification}
            </Descriptions.Item>
            <Descriptions.Item label={t.plan.reinspection}>{scheme.reinspection}</Descriptions.Item>
          </Descriptions>
        </Card>
        {selectionDone && (
          <Card title={h2(t.plan.draw)} data-testid="plan-draw">
            <Space direction="vertical" size={12} style={{ width: '100%' }}>
              <Space wrap size={[32, 8]}>
                <Statistic
                  title={t.plan.seed}
                  value={p.seed}
                  formatter={() => p.seed}
                  valueStyle={{ fontFamily: 'monospace', fontSize: 18 }}
                />
                <Statistic title={t.plan.randomShare} value={`${Math.round(p.randomShare * 100)}%`} />
                {p.draw ? <Statistic title={t.plan.drawYear} value={p.draw.year} groupSeparator="" /> : null}
                {p.draw ? <Statistic title={t.plan.spent} value={yuan(p.draw.spentFen)} /> : null}
                <Statistic title={t.plan.flow.selected} value={shanghaiTime(text(p.selectedAt), language)} />
              </Space>
              <Typography.Text type="secondary">{t.plan.drawHint}</Typography.Text>
              {p.draw ? (
                <Table<CategoryDraw>
                  size="small"
                  rowKey="category"
                  pagination={false}
                  scroll={{ x: 640 }}
                  dataSource={p.draw.categories}
                  columns={[
                    {
                      title: t.plan.category,
                      dataIndex: 'category',
                      render: (c: string) => categoryLabel(c, language),
                    },
                    { title: t.plan.quota, dataIndex: 'quota' },
                    { title: t.plan.rankedCount, dataIndex: 'ranked' },
                    { title: t.plan.randomCount, dataIndex: 'random' },
                    {
                      title: t.plan.cutoff,
                      dataIndex: 'cutoffScore',
                      render: (s: unknown) => (typeof s === 'number' ? s.toFixed(3) : '—'),
                    },
                    { title: t.plan.median, dataIndex: 'median', render: (f: number) => yuan(f) },
                    { title: t.plan.mad, dataIndex: 'mad', render: (f: number) => yuan(f) },
                  ]}
                />
              ) : null}
              <ErrorAlert error={selection.error} />
              <Table<Selected>
                size="small"
                rowKey="listingId"
                loading={selection.isLoading}
                dataSource={selection.data ?? []}
                scroll={{ x: 720 }}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  {
                    title: t.plan.category,
                    dataIndex: 'category',
                    render: (c: string) => categoryLabel(c, language),
                  },
                  { title: t.listings.platform, dataIndex: 'platform' },
                  { title: t.plan.listing, dataIndex: 'platformListingId' },
                  {
                    title: t.plan.way,
                    dataIndex: 'way',
                    render: (w: Selected['way']) => (
                      <Tag color={w === 'ranked' ? 'blue' : 'gold'}>
                        {w === 'ranked' ? t.plan.ranked : t.plan.random}
                      </Tag>
                    ),
                  },
                  { title: t.plan.position, dataIndex: 'position' },
                  { title: t.plan.score, dataIndex: 'score', render: (s: number) => s.toFixed(3) },
                  {
                    title: t.plan.why,
                    key: 'why',
                    render: (_: unknown, l) => (
                      <Button
                        size="small"
                        type="link"
                        onClick={() => setExplained(l)}
                        aria-label={`${t.plan.why} ${l.platformListingId}`}
                      >
                        {t.plan.why}
                      </Button>
                    ),
                  },
                ]}
              />
            </Space>
          </Card>
        )}
        {issued ? (
          <Card title={h2(t.plan.batches)} data-testid="issued-batches">
            <Table<Issued>
              size="small"
              rowKey="batchNumber"
              dataSource={issued}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
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
                { title: t.plan.listing, dataIndex: 'platformListingId' },
                {
                  title: t.batch.at,
                  dataIndex: 'issuedAt',
                  render: (at: string) => shanghaiTime(at, language),
                },
              ]}
            />
          </Card>
        ) : text(p.issuedAt) ? (
          <Alert
            type="info"
            showIcon
            message={`${t.plan.issuedAt}: ${shanghaiTime(text(p.issuedAt), language)}`}
            description={
              <>
                {t.plan.issuedHint} <Link to="/batches">{t.menu.batches}</Link>
              </>
            }
          />
        ) : null}
      </Space>
      <Explanation planId={id} listing={explained} onClose={() => setExplained(undefined)} />
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
          showCount
        />
      </Modal>
    </Page>
  );
}
