import { useQuery } from '@tanstack/react-query';
import { Card, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import type { PublicNotice } from './disclosure-api';
import { VerdictTag } from './publications';
import { Table } from '../../shared/table';

/** Public notices (公告通知) published where a result notice could not be delivered. */
export default function PublicNotices() {
  const { t, language } = useLanguage();
  const d = t.disclosureAdmin;
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['disclosure', 'public-notices', page],
    queryFn: () =>
      unwrap(api.disclosure.GET('/public-notices', { params: { query: { page, pageSize: 20 } as never } })),
  });
  return (
    <Page title={d.noticesTitle}>
      <ErrorAlert error={list.error} />
      <Card>
        <Typography.Paragraph type="secondary">{d.noticesIntro}</Typography.Paragraph>
        {list.isLoading ? (
          <Skeleton active />
        ) : (
          <Table<PublicNotice>
            rowKey="id"
            size="small"
            data-testid="public-notices"
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1480 }}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
            columns={[
              { title: d.batch, dataIndex: 'batchNumber', width: 150 },
              { title: d.report, dataIndex: 'reportNumber', width: 170 },
              { title: d.seller, dataIndex: 'sellerName', width: 200 },
              { title: d.sample, dataIndex: 'sampleName', width: 150 },
              {
                title: d.specModel,
                dataIndex: 'specModel',
                width: 110,
                render: (v?: string | null) => v ?? '—',
              },
              {
                title: d.listing,
                dataIndex: 'listingUrl',
                width: 200,
                render: (url: string) => (
                  <a href={url} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>
                    {url}
                  </a>
                ),
              },
              { title: d.order, dataIndex: 'orderNumber', width: 150 },
              {
                title: d.platform,
                dataIndex: 'platform',
                width: 100,
                render: (v?: string | null) => v ?? '—',
              },
              {
                title: d.verdict,
                dataIndex: 'verdict',
                width: 90,
                render: (v: string) => <VerdictTag verdict={v} />,
              },
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
