import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { planning } from '../../api/generated';
import { useLanguage } from '../../i18n/language';
import { categoryLabel, categoryOptions } from '../../shared/categories';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime, yuan } from '../../shared/time';
import { Table } from '../../shared/table';

type Listing = planning.components['schemas']['ListingSummaryView'];
type Factor = planning.components['schemas']['FactorView'];
interface Risk {
  score: number;
  factors: Factor[];
  inScope: boolean;
  priorBatches: number;
}
interface Filters {
  q?: string;
  category?: string;
  sort: 'observedAt' | 'score';
}

/** Listings from the shared data pool with their risk score, explained factor by factor. */
export default function Listings() {
  const { t, language } = useLanguage();
  const [filters, setFilters] = useState<Filters>({ sort: 'observedAt' });
  const [page, setPage] = useState(1);
  const [explained, setExplained] = useState<Listing>();
  const listings = useQuery({
    queryKey: ['listings', filters, page],
    queryFn: () =>
      unwrap(
        api.planning.GET('/listings', {
          params: { query: { ...filters, q: filters.q || undefined, page, pageSize: 20 } as never },
        }),
      ),
  });
  const risk = (l: Listing) => l.risk as unknown as Risk | undefined;

  return (
    <Page title={t.menu.listings}>
      <Card>
        <Form<Filters>
          layout="inline"
          initialValues={filters}
          onFinish={(v) => {
            setFilters({ ...v, sort: v.category ? v.sort : 'observedAt' });
            setPage(1);
          }}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="q" label={t.listings.query}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="category" label={t.listings.category}>
            <Select allowClear options={categoryOptions(language)} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="sort" label={t.listings.sort}>
            <Select
              style={{ width: 140 }}
              options={[
                { value: 'observedAt', label: t.listings.observedAt },
                { value: 'score', label: t.listings.risk },
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t.common.search}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={listings.error} />
      <Table<Listing>
        style={{ marginTop: 16 }}
        rowKey="id"
        loading={listings.isLoading}
        dataSource={listings.data?.items ?? []}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: listings.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t.listings.title,
            dataIndex: 'title',
            render: (_: string, l) => (
              <a href={l.url} target="_blank" rel="noreferrer noopener">
                {l.title}
              </a>
            ),
          },
          {
            title: t.listings.category,
            dataIndex: 'category',
            width: 110,
            render: (c?: string) => (c ? categoryLabel(c, language) : '—'),
          },
          { title: t.listings.platform, dataIndex: 'platform', width: 110 },
          { title: t.listings.seller, dataIndex: 'sellerName', width: 180, ellipsis: true },
          { title: t.listings.price, dataIndex: 'priceFen', width: 100, render: (f: number) => yuan(f) },
          {
            title: t.listings.risk,
            key: 'risk',
            width: 210,
            render: (_: unknown, l) =>
              risk(l) ? (
                <Space>
                  <Tag color={risk(l)!.score >= 0.5 ? 'red' : 'blue'}>{risk(l)!.score.toFixed(3)}</Tag>
                  <Button size="small" type="link" onClick={() => setExplained(l)}>
                    {t.listings.explanation}
                  </Button>
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t.listings.observedAt,
            dataIndex: 'observedAt',
            width: 170,
            render: (at: string) => shanghaiTime(at, language),
          },
        ]}
      />
      <Modal
        open={Boolean(explained)}
        title={explained?.title}
        footer={null}
        onCancel={() => setExplained(undefined)}
        width={640}
      >
        {explained && risk(explained) && (
          <>
            <Typography.Paragraph>
              {t.listings.risk}: <b>{risk(explained)!.score.toFixed(3)}</b>
            </Typography.Paragraph>
            <Table<Factor>
              size="small"
              rowKey="factor"
              pagination={false}
              dataSource={risk(explained)!.factors}
              columns={[
                {
                  title: t.listings.factor,
                  dataIndex: 'factor',
                  render: (f: Factor['factor']) => t.listings.factors[f] ?? f,
                },
                { title: t.listings.value, dataIndex: 'value', render: (v: number) => v.toFixed(3) },
                { title: t.listings.weight, dataIndex: 'weight', render: (v: number) => v.toFixed(2) },
                {
                  title: t.listings.contribution,
                  dataIndex: 'contribution',
                  render: (v: number) => v.toFixed(3),
                },
              ]}
            />
          </>
        )}
      </Modal>
    </Page>
  );
}
