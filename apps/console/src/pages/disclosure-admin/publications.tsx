import { useQuery } from '@tanstack/react-query';
import { Card, Input, Select, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import type { Publication } from './disclosure-api';
import { Table } from '../../shared/table';

const STATUS_COLOR: Record<string, string> = {
  published: 'green',
  corrected: 'orange',
  withdrawn: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useLanguage();
  return <Tag color={STATUS_COLOR[status]}>{t.disclosureAdmin.statuses[status] ?? status}</Tag>;
}

export function VerdictTag({ verdict }: { verdict: string }) {
  const { t } = useLanguage();
  return (
    <Tag color={verdict === 'fail' ? 'red' : 'green'}>{t.disclosureAdmin.verdicts[verdict] ?? verdict}</Tag>
  );
}

/** The bureau's published results, newest first, withdrawn ones included, each opening its history. */
export default function Publications() {
  const { t, language } = useLanguage();
  const d = t.disclosureAdmin;
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['disclosure', 'publications', status, q, page],
    queryFn: () =>
      unwrap(
        api.disclosure.GET('/publications', {
          params: {
            query: { page, pageSize: 20, ...(status ? { status } : {}), ...(q ? { q } : {}) } as never,
          },
        }),
      ),
  });
  return (
    <Page title={d.title}>
      <ErrorAlert error={list.error} />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            aria-label={d.searchPlaceholder}
            placeholder={d.searchPlaceholder}
            style={{ width: 280, maxWidth: '100%' }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          <Select
            allowClear
            aria-label={d.status}
            placeholder={d.allStatuses}
            style={{ width: 160 }}
            value={status}
            onChange={(v?: string) => {
              setStatus(v);
              setPage(1);
            }}
            options={['published', 'corrected', 'withdrawn'].map((s) => ({ value: s, label: d.statuses[s] }))}
          />
        </Space>
        {list.isLoading ? (
          <Skeleton active />
        ) : (
          <Table<Publication>
            rowKey="id"
            size="small"
            data-testid="publications"
            dataSource={list.data?.items ?? []}
            scroll={{ x: 960 }}
            pagination={{
              current: page,
              pageSize: 20,
              total: list.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              {
                title: d.batch,
                dataIndex: 'batchNumber',
                width: 150,
                render: (b: string, p) => <Link to={`/disclosure/publications/${p.id}`}>{b}</Link>,
              },
              { title: d.sample, dataIndex: 'sampleName', width: 160 },
              { title: d.seller, dataIndex: 'sellerName', width: 200 },
              {
                title: d.verdict,
                dataIndex: 'verdict',
                width: 90,
                render: (v: string) => <VerdictTag verdict={v} />,
              },
              {
                title: d.status,
                dataIndex: 'status',
                width: 100,
                render: (s: string) => <StatusTag status={s} />,
              },
              { title: d.version, dataIndex: 'version', width: 70 },
              {
                title: d.publishedAt,
                dataIndex: 'publishedAt',
                width: 150,
                render: (at: string) => shanghaiTime(at, language),
              },
            ]}
          />
        )}
      </Card>
    </Page>
  );
}
