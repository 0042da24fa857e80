import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Grid,
  Input,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { hasAnyRole, useSession } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { areaLabel } from '../../shared/areas';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { HANGZHOU_DISTRICTS, useTriage, type TriageItem } from './cases-api';
import { Table } from '../../shared/table';

/** Failed batches routing could not place: a person chooses the district, the resolver's suggestion beside it. */
export default function Triage() {
  const { t, language } = useLanguage();
  const triage = useTriage();
  const items = triage.data ?? [];
  const open = items.filter((i) => i.status === 'open');
  const resolved = items.filter((i) => i.status !== 'open');
  return (
    <Page title={t.cases.triageTitle}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ErrorAlert error={triage.error} />
        {triage.isLoading ? (
          <Skeleton active />
        ) : open.length === 0 ? (
          <Card>
            <Empty description={t.cases.triageEmpty} />
          </Card>
        ) : (
          open.map((item) => <TriageCard key={item.id} item={item} />)
        )}
        {resolved.length ? (
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.cases.resolved}</h2>}>
            <Table<TriageItem>
              rowKey="id"
              size="small"
              dataSource={resolved}
              scroll={{ x: 640 }}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t.cases.batch, dataIndex: 'batchNumber' },
                { title: t.cases.seller, dataIndex: 'sellerName' },
                {
                  title: t.cases.resolved,
                  dataIndex: 'caseId',
                  render: (id: string | null) =>
                    id ? <Link to={`/cases/${id}`}>{t.common.view}</Link> : '—',
                },
                {
                  title: t.cases.occurredAt,
                  dataIndex: 'resolvedAt',
                  render: (at: string | null) => shanghaiTime(at, language),
                },
              ]}
            />
          </Card>
        ) : null}
      </Space>
    </Page>
  );
}

function TriageCard({ item }: { item: TriageItem }) {
  const { t, language } = useLanguage();
  const session = useSession();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<{ areaCode: string; reason: string }>();
  const resolve = useMutation({
    mutationFn: (v: { areaCode: string; reason: string }) =>
      unwrap(
        api.enforcement.POST('/triage/{id}/resolve', {
          params: { path: { id: item.id } },
          body: { areaCode: v.areaCode, reason: v.reason.trim() },
        }),
      ),
    onSuccess: () => {
      void message.success(t.cases.resolvedDone);
      void queries.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  const s = item.suggestion;
  const screens = Grid.useBreakpoint();
  const mayResolve = hasAnyRole(session, ['approver']);
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{item.batchNumber}</h2>}
      data-testid={`triage-${item.batchNumber}`}
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" layout={screens.md ? 'horizontal' : 'vertical'}>
          <Descriptions.Item label={t.cases.seller}>{item.sellerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t.cases.platform}>
            {item.platformName ?? '—'}
            {item.platformOperatorName ? ` · ${item.platformOperatorName}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t.cases.listing} span={2}>
            {item.listingTitle ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t.cases.triagedAt}>
            {shanghaiTime(item.createdAt, language)}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ margin: 0, overflowWrap: 'anywhere' }}>
          <Typography.Text strong>{t.cases.triageReason}: </Typography.Text>
          {item.reason}
          {item.policyRow ? (
            <>
              {' '}
              <Typography.Text code>{item.policyRow}</Typography.Text>
            </>
          ) : null}
        </Typography.Paragraph>
        {s ? (
          <Alert
            type="info"
            showIcon
            data-testid="suggestion"
            message={`${t.cases.suggestion}: ${s.areaName} (${s.areaCode})`}
            description={`${t.cases.suggestionWhy}: ${s.reason}`}
          />
        ) : (
          <Alert type="warning" showIcon message={t.cases.noSuggestion} />
        )}
        <ErrorAlert error={resolve.error} />
        {mayResolve ? (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ areaCode: s?.areaCode }}
            onFinish={(v) => resolve.mutate(v)}
            style={{ maxWidth: 640 }}
          >
            <Form.Item name="areaCode" label={t.cases.chooseDistrict} rules={[{ required: true }]}>
              <Select
                options={HANGZHOU_DISTRICTS.map((code) => ({
                  value: code,
                  label: areaLabel(code, language),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t.cases.howEstablished}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={resolve.isPending}>
              {t.cases.resolve}
            </Button>
          </Form>
        ) : null}
      </Space>
    </Card>
  );
}
