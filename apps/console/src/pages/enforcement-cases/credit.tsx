import { Card, Empty, Form, Grid, Input, List, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { useCreditSearch, type CreditSubject } from './cases-api';
import { ProposeRiskWarning, RiskWarnings, useDecidesRiskWarnings } from './risk-warnings';

type Entry = CreditSubject['entries'][number];

/**
 * Credit files (信用档案) of sellers, natural persons and producers, found by unified social credit
 * code, name or platform shop id; the consumer risk warnings proposed from their failures.
 */
export default function Credit() {
  const { t } = useLanguage();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState<{ q: string; role?: 'seller' | 'producer' }>({
    q: params.get('q') ?? '',
  });
  const search = (q: string) => {
    setQuery((old) => ({ ...old, q }));
    setParams({ q });
  };
  const found = useCreditSearch(query.q, query.role);
  // On a phone the search and its hint stack, so the hint wraps instead of widening the page.
  const screens = Grid.useBreakpoint();
  return (
    <Page title={t.cases.creditTitle}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Form
            layout={screens.md ? 'inline' : 'vertical'}
            style={{ rowGap: 8 }}
            initialValues={{ q: query.q }}
            onFinish={(v: { q?: string }) => search(v.q?.trim() ?? '')}
          >
            <Form.Item
              name="q"
              label={t.cases.creditSearch}
              extra={t.cases.creditSearchHint}
              rules={[{ required: true, min: 2, whitespace: true }]}
            >
              <Input.Search
                enterButton={t.common.search}
                style={{ maxWidth: 420 }}
                onSearch={(q) => q.trim().length >= 2 && search(q.trim())}
              />
            </Form.Item>
            <Form.Item name="role" label={t.cases.subjectRole}>
              <Select
                allowClear
                aria-label={t.cases.subjectRole}
                placeholder={t.cases.anyRole}
                style={{ width: 160 }}
                onChange={(role?: 'seller' | 'producer') =>
                  setQuery((old) => ({ q: old.q, ...(role ? { role } : {}) }))
                }
                options={(['seller', 'producer'] as const).map((r) => ({
                  value: r,
                  label: t.cases.roles[r],
                }))}
              />
            </Form.Item>
          </Form>
        </Card>
        <RiskWarnings />
        <ErrorAlert error={found.error} />
        {query.q.length < 2 ? (
          <Card>
            <Empty description={t.cases.creditStart} />
          </Card>
        ) : found.isLoading ? null : (found.data ?? []).length === 0 ? (
          <Card>
            <Empty description={t.cases.creditEmpty} />
          </Card>
        ) : (
          (found.data ?? []).map((file) => <CreditFile key={file.key} file={file} />)
        )}
      </Space>
    </Page>
  );
}

function CreditFile({ file }: { file: CreditSubject }) {
  const { t, language } = useLanguage();
  const decides = useDecidesRiskWarnings();
  return (
    <Card
      data-testid="credit-file"
      title={
        <h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
          {file.subjectName}{' '}
          <Tag color={file.subjectKind === 'producer' ? 'purple' : 'blue'}>
            {t.cases.subjectKinds[file.subjectKind] ?? file.subjectKind}
          </Tag>
          {file.subjectKind === 'registered-seller' && file.sellerEntityType ? (
            <Tag>{t.cases.entityTypes[file.sellerEntityType]}</Tag>
          ) : null}
        </h2>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text>
          {t.cases.creditCode}: {file.unifiedSocialCreditCode ?? '—'}
        </Typography.Text>
        {file.shops.length ? (
          <List
            size="small"
            header={t.cases.shops}
            dataSource={file.shops}
            renderItem={(s) => (
              <List.Item>
                {s.platform ? `${s.platform} · ` : ''}
                {s.shopName} · {t.cases.shopId} {s.shopId} <Typography.Text code>{s.shopUrl}</Typography.Text>
              </List.Item>
            )}
          />
        ) : null}
        <Space size={32} wrap>
          <Statistic title={t.cases.failures} value={file.failures} />
          <Statistic title={t.cases.penalties} value={file.penalties} />
          <Statistic
            title={t.cases.followUps}
            value={`${file.followUpsPassed} ${t.cases.passed} / ${file.followUpsFailed} ${t.cases.failedAgain}`}
          />
        </Space>
        <Table<Entry>
          rowKey="id"
          size="small"
          dataSource={file.entries}
          scroll={{ x: 640 }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            {
              title: t.cases.entries,
              dataIndex: 'kind',
              render: (k: string) => (
                <Tag color={k.includes('fail') ? 'red' : 'blue'}>{t.cases.entryKinds[k] ?? k}</Tag>
              ),
            },
            {
              title: t.cases.batch,
              dataIndex: 'batchNumber',
              render: (b: string) => <Link to={`/batches/${b}`}>{b}</Link>,
            },
            {
              title: t.cases.summary,
              dataIndex: 'detail',
              render: (d: Record<string, unknown>) => detailText(d),
            },
            {
              title: t.cases.occurredAt,
              dataIndex: 'occurredAt',
              render: (at: string) => shanghaiTime(at, language),
            },
            ...(decides
              ? [
                  {
                    title: t.cases.riskWarnings,
                    key: 'risk',
                    render: (_: unknown, e: Entry) =>
                      e.kind === 'failure' ? <ProposeRiskWarning batchNumber={e.batchNumber} /> : null,
                  },
                ]
              : []),
          ]}
        />
      </Space>
    </Card>
  );
}

/** The entry's detail as one line: report, failing items, penalty, decision number, authority. */
function detailText(d: Record<string, unknown>): string {
  const parts: string[] = [];
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  if (str('reportNumber')) parts.push(str('reportNumber') as string);
  if (Array.isArray(d['failingItems']) && d['failingItems'].length)
    parts.push((d['failingItems'] as string[]).join('、'));
  if (typeof d['penaltyFen'] === 'number') parts.push(`¥${((d['penaltyFen'] as number) / 100).toFixed(2)}`);
  if (str('decisionNumber')) parts.push(str('decisionNumber') as string);
  if (str('authority')) parts.push(str('authority') as string);
  return parts.join(' · ') || '—';
}
