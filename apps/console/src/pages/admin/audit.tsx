import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { clientFor, unwrap, type ServiceName } from '../../api/client';
import type { planning } from '../../api/generated';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { ServiceSelect } from './service-select';
import { Table } from '../../shared/table';

type Entry = planning.components['schemas']['AuditEntryView'];
type AuditPage = planning.components['schemas']['AuditPage'];
interface Filters {
  actor?: string;
  action?: string;
  batchNumber?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Each service's append-only audit log, filtered by actor, action, batch and time. */
export default function Audit() {
  const { t, language } = useLanguage();
  const [service, setService] = useState<ServiceName>('planning');
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const query = {
    actor: filters.actor || undefined,
    action: filters.action || undefined,
    batchNumber: filters.batchNumber || undefined,
    from: filters.range?.[0]?.toISOString(),
    to: filters.range?.[1]?.toISOString(),
    page,
    pageSize: 20,
  };
  const entries = useQuery({
    queryKey: ['audit', service, query],
    // page/pageSize are documented as objects (issue 21: the documents lose their integer type).
    queryFn: (): Promise<AuditPage> =>
      unwrap(clientFor(service).GET('/audit', { params: { query: query as never } })),
  });
  return (
    <Page title={t.audit.title}>
      <Card>
        <Form<Filters>
          layout="inline"
          style={{ rowGap: 8 }}
          onFinish={(v) => {
            setFilters(v);
            setPage(1);
          }}
        >
          <Form.Item label={t.audit.service}>
            <ServiceSelect value={service} onChange={(s) => (setService(s), setPage(1))} />
          </Form.Item>
          <Form.Item name="actor" label={t.audit.actor}>
            <Input allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="action" label={t.audit.action}>
            <Input allowClear placeholder="plan.*" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="batchNumber" label={t.audit.batchNumber}>
            <Input allowClear placeholder="HZ2026-000123" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="range" label={`${t.audit.from} / ${t.audit.to}`}>
            <DatePicker.RangePicker showTime />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t.common.search}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={entries.error} />
      <Table<Entry>
        style={{ marginTop: 16 }}
        rowKey="id"
        loading={entries.isLoading}
        dataSource={entries.data?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: entries.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        expandable={{
          expandedRowRender: (e) => (
            <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {JSON.stringify(e.detail, null, 2)}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          {
            title: t.audit.occurredAt,
            dataIndex: 'occurredAt',
            width: 160,
            render: (at: string) => shanghaiTime(at, language),
          },
          { title: t.audit.actor, dataIndex: 'actor', width: 200, ellipsis: true },
          { title: t.audit.action, dataIndex: 'action', width: 200 },
          {
            title: t.audit.entity,
            key: 'entity',
            render: (_: unknown, e) => `${e.entityType} ${e.entityId}`,
          },
          {
            title: t.audit.outcome,
            dataIndex: 'outcome',
            width: 100,
            render: (o: Entry['outcome']) => (
              <Tag color={o === 'success' ? 'green' : o === 'denied' ? 'orange' : 'red'}>
                {t.audit.outcomes[o]}
              </Tag>
            ),
          },
          { title: t.common.requestId, dataIndex: 'requestId', width: 140, ellipsis: true },
        ]}
      />
      <Space />
    </Page>
  );
}
