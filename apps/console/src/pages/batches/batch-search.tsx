import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { planning } from '../../api/generated';
import { hasAnyRole, useSession } from '../../auth/session';
import { fill, useLanguage } from '../../i18n/language';
import { categoryLabel } from '../../shared/categories';
import { ErrorAlert } from '../../shared/errors';
import { shanghaiTime } from '../../shared/time';
import { ORDER_READERS, STAGE_READERS } from './stages';
import { Table } from '../../shared/table';

type Summary = planning.components['schemas']['BatchSummaryView'];
const PAGE_SIZE = 20;

/**
 * Batches found by seller, listing URL or the start of a number (planning's search), and for the
 * roles that may see order numbers, the batch bought with that order number (purchasing's).
 */
export function BatchSearchResults({ q }: { q: string }) {
  const { t, language } = useLanguage();
  const session = useSession();
  const [page, setPage] = useState(1);
  const found = useQuery({
    queryKey: ['batch-search', q, page],
    enabled: hasAnyRole(session, STAGE_READERS.planning),
    queryFn: () =>
      unwrap(api.planning.GET('/batches', { params: { query: { q, page, pageSize: PAGE_SIZE } as never } })),
  });
  const byOrder = useQuery({
    queryKey: ['batch-by-order', q],
    enabled: hasAnyRole(session, ORDER_READERS),
    queryFn: () => unwrap(api.purchasing.GET('/batches', { params: { query: { orderNumber: q } } })),
  });
  return (
    <Card
      data-testid="batch-search-results"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.batch.searchResults}</h2>}
      extra={found.data ? fill(t.common.total, { n: found.data.total }) : null}
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {byOrder.data?.items.length ? (
          <Alert
            type="success"
            showIcon
            message={byOrder.data.items.map((b) => (
              <Link key={b.batchNumber} to={`/batches/${b.batchNumber}`} style={{ marginInlineEnd: 12 }}>
                {`${b.batchNumber} · ${b.platform}`}
              </Link>
            ))}
          />
        ) : null}
        <ErrorAlert error={found.error ?? byOrder.error} />
        {found.isSuccess || found.isLoading ? (
          <Table<Summary>
            rowKey="batchNumber"
            size="small"
            loading={found.isLoading}
            dataSource={found.data?.items ?? []}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: found.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
              hideOnSinglePage: true,
            }}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t.batch.title,
                dataIndex: 'batchNumber',
                width: 150,
                render: (b: string) => <Link to={`/batches/${b}`}>{b}</Link>,
              },
              { title: t.listings.seller, dataIndex: 'sellerName', width: 200, ellipsis: true },
              { title: t.listings.title, dataIndex: 'listingTitle', ellipsis: true },
              {
                title: t.listings.category,
                dataIndex: 'category',
                width: 110,
                render: (c: string) => categoryLabel(c, language),
              },
              { title: t.listings.platform, dataIndex: 'platform', width: 100 },
              {
                title: t.batch.at,
                dataIndex: 'issuedAt',
                width: 160,
                render: (at: string) => shanghaiTime(at, language),
              },
            ]}
          />
        ) : null}
      </Space>
    </Card>
  );
}
