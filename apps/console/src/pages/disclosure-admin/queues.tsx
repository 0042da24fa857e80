import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Empty, List, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { fill, useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { shanghaiTime } from '../../shared/time';
import { DeliveryHealthTag } from './delivery-health';
import { deliveryHealth } from './disclosure-api';

// Titles wrap: a phone's card header is narrower than some English titles.
const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{text}</h2>;

/** Newest first, as the service lists them: the first page covers a week unless a week holds more. */
const RECENT_PAGE = 100;
const WEEK_MS = 7 * 24 * 3600 * 1000;
const recentCount = (items: Array<{ publishedAt: string }>): string => {
  const since = Date.now() - WEEK_MS;
  const n = items.filter((i) => Date.parse(i.publishedAt) >= since).length;
  return n >= RECENT_PAGE ? `${RECENT_PAGE}+` : String(n);
};
const isRecent = (publishedAt: string) => Date.parse(publishedAt) >= Date.now() - WEEK_MS;

/** Platforms whose feed is failing, lagging or unreachable: the worst first. */
export function FeedsQueue() {
  const { t } = useLanguage();
  const d = t.disclosureAdmin;
  const delivery = useQuery({
    queryKey: ['disclosure', 'feeds', 'delivery'],
    queryFn: () => unwrap(api.disclosure.GET('/feeds/platforms/delivery', {})),
  });
  const order = { 'broker-down': 0, failing: 1, lagging: 2, healthy: 3 };
  const all = delivery.data ?? [];
  const troubled = all
    .filter((p) => deliveryHealth(p) !== 'healthy')
    .sort((a, b) => order[deliveryHealth(a)] - order[deliveryHealth(b)]);
  return (
    <Card
      title={heading(d.queueFeeds)}
      extra={<Link to="/disclosure/feeds">{t.home.open}</Link>}
      data-testid="queue-disclosure-feeds"
    >
      <ErrorAlert error={delivery.error} />
      <Space align="center" style={{ marginBottom: 8 }}>
        <Badge count={troubled.length} showZero color={troubled.length ? 'red' : 'green'} />
        <Typography.Text type="secondary">
          {fill(d.queueFeedsNote, { n: troubled.length, total: all.length })}
        </Typography.Text>
      </Space>
      <List
        loading={delivery.isLoading}
        dataSource={troubled.slice(0, 6)}
        locale={{ emptyText: <Empty description={d.queueFeedsEmpty} /> }}
        renderItem={(p) => (
          <List.Item data-testid={`queue-feed-${p.code}`}>
            <List.Item.Meta
              title={
                <span>
                  {p.name} <Typography.Text code>{p.code}</Typography.Text>
                </span>
              }
              description={`${d.failures}: ${p.failures ?? '—'} · ${d.lag}: ${p.lag ?? '—'} · ${d.pendingItems}: ${p.pendingItems}`}
            />
            <DeliveryHealthTag delivery={p} />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** One week of what was published, newest first: how many, and the first few. */
function RecentCard<T extends { id: string; publishedAt: string }>({
  title,
  to,
  testId,
  note,
  empty,
  list,
  render,
}: {
  title: string;
  to: string;
  testId: string;
  note: string;
  empty: string;
  list: { data?: { items: T[] }; error: unknown; isLoading: boolean };
  render: (item: T) => ReactNode;
}) {
  const { t } = useLanguage();
  const items = list.data?.items ?? [];
  return (
    <Card title={heading(title)} extra={<Link to={to}>{t.home.open}</Link>} data-testid={testId}>
      <ErrorAlert error={list.error} />
      <Statistic
        title={fill(note, { n: recentCount(items) })}
        value={recentCount(items)}
        loading={list.isLoading}
      />
      <List
        dataSource={items.filter((i) => isRecent(i.publishedAt)).slice(0, 6)}
        locale={{ emptyText: <Empty description={empty} /> }}
        renderItem={render}
      />
    </Card>
  );
}

/** Results published in the last week, newest first: each one opens where it is corrected or withdrawn. */
export function PublicationsQueue() {
  const { t, language } = useLanguage();
  const d = t.disclosureAdmin;
  const list = useQuery({
    queryKey: ['disclosure', 'publications', 'recent'],
    queryFn: () =>
      unwrap(api.disclosure.GET('/publications', { params: { query: { page: 1, pageSize: RECENT_PAGE } } })),
  });
  return (
    <RecentCard
      title={d.queuePublications}
      to="/disclosure/publications"
      testId="queue-disclosure-publications"
      note={d.queuePublicationsNote}
      empty={d.queuePublicationsEmpty}
      list={list}
      render={(p) => (
        <List.Item
          actions={[
            <Link
              key="open"
              to={`/disclosure/publications/${p.id}`}
              aria-label={`${d.open} ${p.batchNumber}`}
            >
              {d.open}
            </Link>,
          ]}
        >
          <List.Item.Meta
            title={`${p.sellerName} · ${p.sampleName}`}
            description={
              <>
                <Tag color={p.verdict === 'fail' ? 'red' : 'green'}>{d.verdicts[p.verdict] ?? p.verdict}</Tag>
                <Tag>{d.statuses[p.status] ?? p.status}</Tag>
                {p.batchNumber} · {shanghaiTime(p.publishedAt, language)}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** Public notices (a notice that could not be delivered, published instead) of the last week. */
export function NoticesQueue() {
  const { t, language } = useLanguage();
  const d = t.disclosureAdmin;
  const list = useQuery({
    queryKey: ['disclosure', 'public-notices', 'recent'],
    queryFn: () =>
      unwrap(
        api.disclosure.GET('/public-notices', { params: { query: { page: 1, pageSize: RECENT_PAGE } } }),
      ),
  });
  return (
    <RecentCard
      title={d.queueNotices}
      to="/disclosure/notices"
      testId="queue-disclosure-notices"
      note={d.queueNoticesNote}
      empty={d.queueNoticesEmpty}
      list={list}
      render={(n) => (
        <List.Item>
          <List.Item.Meta
            title={`${n.sellerName} · ${n.sampleName}`}
            description={`${n.batchNumber} · ${n.reportNumber} · ${shanghaiTime(n.publishedAt, language)}`}
          />
        </List.Item>
      )}
    />
  );
}
