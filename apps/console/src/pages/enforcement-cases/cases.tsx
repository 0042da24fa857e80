import { Button, Card, Form, Input, Select, Skeleton, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useLanguage } from '../../i18n/language';
import { areaLabel } from '../../shared/areas';
import { categoryLabel } from '../../shared/categories';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiDate, shanghaiTime } from '../../shared/time';
import { CaseStatus } from './case-status';
import {
  authorityOf,
  useCases,
  useFollowUpProposals,
  type Case,
  type CaseFilters,
  type CaseStatusFilter,
  type FollowUpProposal,
} from './cases-api';
import { Table } from '../../shared/table';

const STATUSES: CaseStatusFilter[] = ['open', 'routed', 'accepted', 'investigating', 'closed'];

/** The cases of the officer's jurisdiction, filtered by status, batch and seller; and their follow-up proposals. */
export default function Cases() {
  const { t } = useLanguage();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'follow-ups' ? 'follow-ups' : 'cases';
  return (
    <Page title={t.cases.listTitle}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'cases' ? {} : { tab: key })}
        items={[
          { key: 'cases', label: t.cases.tabCases, children: <CaseList /> },
          { key: 'follow-ups', label: t.cases.tabFollowUps, children: <FollowUps /> },
        ]}
      />
    </Page>
  );
}

function CaseList() {
  const { t, language } = useLanguage();
  const [form] = Form.useForm<CaseFilters>();
  const [filters, setFilters] = useState<CaseFilters>({});
  const cases = useCases(filters);
  const apply = (values: CaseFilters) =>
    setFilters({
      ...(values.status ? { status: values.status } : {}),
      ...(values.batchNumber?.trim() ? { batchNumber: values.batchNumber.trim() } : {}),
      ...(values.seller?.trim() ? { seller: values.seller.trim() } : {}),
    });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 8 }}>
          <Form.Item name="status" label={t.cases.status}>
            <Select
              allowClear
              style={{ width: 140, maxWidth: '60vw' }}
              aria-label={t.cases.status}
              placeholder={t.common.all}
              options={STATUSES.map((s) => ({ value: s, label: t.cases.statuses[s] }))}
            />
          </Form.Item>
          <Form.Item name="batchNumber" label={t.cases.batch}>
            <Input placeholder="HZ2026-000123" style={{ width: 160, maxWidth: '60vw' }} />
          </Form.Item>
          <Form.Item name="seller" label={t.cases.seller}>
            <Input placeholder={t.cases.sellerHint} style={{ width: 240, maxWidth: '60vw' }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t.common.search}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                {t.common.reset}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={cases.error} />
      {/* A skeleton while loading: a table fading out of its loading state looks half-empty. */}
      {cases.isLoading ? <Skeleton active /> : null}
      <Table<Case>
        style={cases.isLoading ? { display: 'none' } : undefined}
        rowKey="id"
        data-testid="cases"
        dataSource={cases.data ?? []}
        locale={{ emptyText: t.cases.casesEmpty }}
        scroll={{ x: 960 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t.cases.batch,
            dataIndex: 'batchNumber',
            render: (b: string, c) => <Link to={`/cases/${c.id}`}>{b}</Link>,
          },
          { title: t.cases.seller, dataIndex: 'sellerName' },
          {
            title: t.cases.area,
            render: (_, c) => (
              <span>
                {authorityOf(c.authority).name}
                <br />
                <small>{areaLabel(authorityOf(c.authority).areaCode, language)}</small>
              </span>
            ),
          },
          {
            title: t.cases.status,
            dataIndex: 'status',
            render: (s: string, c) => <CaseStatus status={s} overdue={c.overdue} />,
          },
          {
            title: t.cases.dueAt,
            dataIndex: 'dueAt',
            render: (d: string) => shanghaiDate(d, language),
          },
          {
            title: t.cases.routedAt,
            dataIndex: 'routedAt',
            render: (d: string) => shanghaiTime(d, language),
          },
        ]}
      />
    </Space>
  );
}

function FollowUps() {
  const { t, language } = useLanguage();
  const proposals = useFollowUpProposals();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ErrorAlert error={proposals.error} />
      {proposals.isLoading ? <Skeleton active /> : null}
      <Table<FollowUpProposal>
        style={proposals.isLoading ? { display: 'none' } : undefined}
        rowKey="id"
        data-testid="follow-ups"
        dataSource={proposals.data ?? []}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t.cases.batch,
            dataIndex: 'batchNumber',
            render: (b: string) => <Link to={`/batches/${b}`}>{b}</Link>,
          },
          { title: t.cases.seller, dataIndex: 'sellerName' },
          {
            title: t.cases.category,
            dataIndex: 'category',
            render: (c: string) => categoryLabel(c, language),
          },
          {
            title: t.cases.failingItems,
            dataIndex: 'failingItems',
            render: (items: string[]) => items.map((i) => <Tag key={i}>{i}</Tag>),
          },
          {
            title: t.cases.followUpBatch,
            dataIndex: 'followUpBatchNumber',
            render: (b: string | null) => (b ? <Link to={`/batches/${b}`}>{b}</Link> : t.cases.pending),
          },
          {
            title: t.cases.followUpOutcome,
            dataIndex: 'outcome',
            render: (o: string | null) =>
              o ? (
                <Tag color={o === 'pass' ? 'green' : 'red'}>
                  {o === 'pass' ? t.cases.passed : t.cases.failedAgain}
                </Tag>
              ) : (
                '—'
              ),
          },
          {
            title: t.cases.proposedAt,
            dataIndex: 'proposedAt',
            render: (at: string) => shanghaiTime(at, language),
          },
        ]}
      />
    </Space>
  );
}
