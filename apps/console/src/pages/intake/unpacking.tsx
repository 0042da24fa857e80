import { Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { useParcels, useSessions, type Parcel, type SessionSummary } from './intake-api';
import { Table } from '../../shared/table';

/** The unpacking room's worklist: admitted parcels to unpack, sessions to seal, samples sealed lately. */
export default function Unpacking() {
  const { t, language } = useLanguage();
  const waiting = useParcels('admitted', 'false');
  const open = useSessions('open');
  const sealed = useSessions('sealed');
  const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;
  const sessionColumns = [
    {
      title: t.intake.batch,
      dataIndex: 'batchNumber',
      width: 140,
      render: (v: string, s: SessionSummary) => <Link to={`/intake/sessions/${s.id}`}>{v}</Link>,
    },
    {
      title: t.intake.sampleCode,
      dataIndex: 'sampleCode',
      width: 160,
      render: (v?: string | null) => v ?? '—',
    },
    {
      title: t.intake.status,
      dataIndex: 'status',
      width: 120,
      render: (v: string) => <Tag color={v === 'open' ? 'gold' : 'green'}>{t.intake.statuses[v] ?? v}</Tag>,
    },
    {
      title: t.intake.at,
      dataIndex: 'openedAt',
      width: 150,
      render: (v: string) => shanghaiTime(v, language),
    },
  ];
  return (
    <Page title={t.intake.unpackingTitle}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={heading(t.intake.awaitingUnpacking)}>
            <ErrorAlert error={waiting.error} />
            <Table<Parcel>
              size="small"
              rowKey="id"
              loading={waiting.isLoading}
              dataSource={waiting.data?.items ?? []}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 520 }}
              data-testid="awaiting-unpacking"
              locale={{ emptyText: <Empty description={t.home.nothing} /> }}
              columns={[
                { title: t.intake.batch, dataIndex: 'batchNumber', width: 140 },
                {
                  title: t.intake.trackingNumber,
                  dataIndex: 'trackingNumber',
                  render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
                },
                {
                  title: t.intake.receivedAt,
                  dataIndex: 'receivedAt',
                  width: 150,
                  render: (v: string) => shanghaiTime(v, language),
                },
                {
                  title: '',
                  width: 100,
                  render: (_, p) => (
                    <Link to={`/intake/parcels/${p.id}/unpack`}>{t.intake.startUnpacking}</Link>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={heading(t.intake.toSeal)}>
            <ErrorAlert error={open.error} />
            <Table<SessionSummary>
              size="small"
              rowKey="id"
              loading={open.isLoading}
              dataSource={open.data?.items ?? []}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 520 }}
              data-testid="sessions-to-seal"
              locale={{ emptyText: <Empty description={t.home.nothing} /> }}
              columns={sessionColumns}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={heading(t.intake.sealedRecently)}>
            <ErrorAlert error={sealed.error} />
            <Table<SessionSummary>
              size="small"
              rowKey="id"
              loading={sealed.isLoading}
              dataSource={sealed.data?.items ?? []}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 520 }}
              data-testid="sessions-sealed"
              locale={{ emptyText: <Empty description={t.home.nothing} /> }}
              columns={sessionColumns}
            />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
