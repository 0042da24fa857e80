import { PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-table';
import { Button, Segmented } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { usePlans } from '../../api/queries';
import { useSession } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { Actor } from '../../shared/actor';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import type { planning } from '../../api/generated';
import { PlanStatus } from './plan-status';
import { ProTable } from '../../shared/table';

type Plan = planning.components['schemas']['PlanView'];
const FILTERS = ['draft,returned', 'submitted', 'approved,active', 'closed', ''] as const;

export default function Plans() {
  const { t, language } = useLanguage();
  const session = useSession();
  const [status, setStatus] = useState<string>(
    session.roles.includes('approver') ? 'submitted' : 'draft,returned',
  );
  const [page, setPage] = useState(1);
  const plans = usePlans(status, page, 20);
  const counts = plans.data?.counts;
  const label = (f: (typeof FILTERS)[number]) => {
    if (f === '') return t.common.all;
    const keys = f.split(',') as Array<keyof typeof t.plan.statuses>;
    const n = counts ? keys.reduce((sum, k) => sum + (counts[k as keyof typeof counts] ?? 0), 0) : undefined;
    return `${keys.map((k) => t.plan.statuses[k]).join(' / ')}${n === undefined ? '' : ` (${n})`}`;
  };
  const columns: ProColumns<Plan>[] = [
    {
      title: t.plan.title,
      dataIndex: 'title',
      render: (_, p) => <Link to={`/plans/${p.id}`}>{p.title}</Link>,
    },
    { title: t.plan.kind, dataIndex: 'kind', width: 110, render: (_, p) => t.plan.kinds[p.kind] },
    {
      title: t.plan.status,
      dataIndex: 'status',
      width: 120,
      render: (_, p) => <PlanStatus status={p.status} returned={p.returned} />,
    },
    {
      title: t.plan.author,
      dataIndex: 'author',
      width: 160,
      ellipsis: true,
      render: (_, p) => <Actor id={p.author} />,
    },
    {
      title: t.plan.createdAt,
      dataIndex: 'createdAt',
      width: 170,
      render: (_, p) => shanghaiTime(p.createdAt, language),
    },
  ];
  return (
    <Page
      title={t.menu.plans}
      extra={
        session.roles.includes('planner') ? (
          <Link to="/plans/new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t.plan.create}
            </Button>
          </Link>
        ) : null
      }
    >
      <ErrorAlert error={plans.error} />
      <Segmented
        aria-label={t.plan.status}
        value={status}
        onChange={(v) => {
          setStatus(String(v));
          setPage(1);
        }}
        options={FILTERS.map((f) => ({ value: f, label: label(f) }))}
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
      />
      <ProTable<Plan>
        rowKey="id"
        search={false}
        options={false}
        loading={plans.isLoading}
        dataSource={plans.data?.items ?? []}
        columns={columns}
        scroll={{ x: 720 }}
        pagination={{ current: page, pageSize: 20, total: plans.data?.total ?? 0, onChange: setPage }}
      />
    </Page>
  );
}
