import { Card, Col, Row, Tag } from 'antd';
import { useAlerts, useReadiness } from '../../api/queries';
import type { enforcement } from '../../api/generated';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { Table } from '../../shared/table';

type AlertRow = enforcement.components['schemas']['AlertView'];

/** Each service's readiness and the open alerts (overdue notices and cases, missing holiday schedules). */
export default function Health() {
  const { t, language } = useLanguage();
  const readiness = useReadiness();
  const alerts = useAlerts();
  return (
    <Page title={t.health.title}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.home.readiness}</h2>}>
            <Table
              size="small"
              rowKey="service"
              pagination={false}
              dataSource={readiness.data ?? []}
              columns={[
                {
                  title: t.health.service,
                  dataIndex: 'service',
                  render: (s: keyof typeof t.services) => t.services[s],
                },
                {
                  title: t.health.status,
                  dataIndex: 'ready',
                  render: (ready: boolean) => (
                    <Tag color={ready ? 'green' : 'red'}>{ready ? t.home.ready : t.home.notReady}</Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.health.alerts}</h2>}>
            <ErrorAlert error={alerts.error} />
            <Table<AlertRow>
              size="small"
              rowKey="id"
              loading={alerts.isLoading}
              dataSource={(alerts.data ?? []).filter((a) => !a.resolvedAt)}
              scroll={{ x: 640 }}
              columns={[
                { title: t.health.kind, dataIndex: 'kind', width: 180 },
                {
                  title: t.health.batch,
                  dataIndex: 'batchNumber',
                  width: 140,
                  render: (b: unknown) => (typeof b === 'string' ? b : '—'),
                },
                { title: t.deadLetters.message, dataIndex: 'message' },
                {
                  title: t.health.since,
                  dataIndex: 'raisedAt',
                  width: 160,
                  render: (at: string) => shanghaiTime(at, language),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
