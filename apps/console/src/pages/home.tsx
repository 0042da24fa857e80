import { Badge, Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link } from 'react-router-dom';
import { api, SERVICES, unwrap } from '../api/client';
import { useAlerts, usePlans, useReadiness } from '../api/queries';
import type { Role } from '../auth/keycloak';
import { useSession } from '../auth/session';
import { HOME_QUEUES } from '../routes';
import { useLanguage } from '../i18n/language';
import { ErrorAlert } from '../shared/errors';
import { Page } from '../shared/page';
import { shanghaiTime } from '../shared/time';

/** Roles whose queues come with parts 2 and 3 of the console, until an area declares one. */
const PENDING: Role[] = [
  'buyer',
  'purchasing-admin',
  'intake-officer',
  'lab',
  'enforcement-officer',
  'platform',
];
const LATER = PENDING.filter((role) => !HOME_QUEUES.some((q) => q.roles.includes(role)));

function PlanQueue({ status, title, testId }: { status: string; title: string; testId: string }) {
  const { t, language } = useLanguage();
  const plans = usePlans(status, 1, 10);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} data-testid={testId}>
      <ErrorAlert error={plans.error} />
      <Statistic title={title} value={plans.data?.total ?? 0} loading={plans.isLoading} />
      <List
        dataSource={plans.data?.items ?? []}
        locale={{ emptyText: <Empty description={t.home.nothing} /> }}
        renderItem={(p) => (
          <List.Item
            actions={[
              <Link key="open" to={`/plans/${p.id}`}>
                {t.home.open}
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={<Link to={`/plans/${p.id}`}>{p.title}</Link>}
              description={
                <>
                  <Tag>{t.plan.kinds[p.kind]}</Tag>
                  <Tag color={p.returned ? 'orange' : 'blue'}>
                    {p.returned ? t.plan.statuses.returned : t.plan.statuses[p.status]}
                  </Tag>
                  {shanghaiTime(p.submittedAt ?? p.createdAt, language)}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function AdminQueue() {
  const { t, language } = useLanguage();
  const readiness = useReadiness();
  const alerts = useAlerts();
  const letters = useQueries({
    queries: SERVICES.map((service) => ({
      queryKey: ['dead-letters', service],
      queryFn: async () => {
        const client = {
          planning: api.planning,
          purchasing: api.purchasing,
          evidence: api.evidence,
          'lab-gateway': api.labGateway,
          enforcement: api.enforcement,
          disclosure: api.disclosure,
        }[service] as typeof api.planning;
        return unwrap(client.GET('/ops/dead-letters', {}));
      },
    })),
  });
  const open = (alerts.data ?? []).filter((a) => !a.resolvedAt);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.home.deadLetters}</h2>}
          data-testid="queue-dead-letters"
        >
          <List
            dataSource={SERVICES.map((s, i) => ({
              service: s,
              pending: letters[i]?.data?.pending,
              error: letters[i]?.error,
            }))}
            renderItem={(row) => (
              <List.Item
                actions={[
                  <Link key="open" to={`/admin/dead-letters?service=${row.service}`}>
                    {t.home.open}
                  </Link>,
                ]}
              >
                {t.services[row.service]}
                <Badge
                  count={row.pending ?? 0}
                  showZero
                  color={row.pending ? 'red' : 'green'}
                  style={{ marginInlineStart: 8 }}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.home.alerts}</h2>} data-testid="queue-alerts">
          <ErrorAlert error={alerts.error} />
          <List
            dataSource={open.slice(0, 8)}
            locale={{ emptyText: <Empty description={t.home.nothing} /> }}
            renderItem={(a) => (
              <List.Item>
                <List.Item.Meta
                  title={a.message}
                  description={`${a.kind} · ${shanghaiTime(a.raisedAt, language)}`}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.home.readiness}</h2>}
          data-testid="queue-readiness"
        >
          <List
            dataSource={readiness.data ?? []}
            renderItem={(r) => (
              <List.Item>
                {t.services[r.service]}
                <Tag color={r.ready ? 'green' : 'red'} style={{ marginInlineStart: 8 }}>
                  {r.ready ? t.home.ready : t.home.notReady}
                </Tag>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** Home = my work: each role's queue, the nearest legal deadline first where items have one. */
export default function Home() {
  const session = useSession();
  const { t } = useLanguage();
  const has = (r: Role) => session.roles.includes(r);
  return (
    <Page title={t.home.title}>
      <Row gutter={[16, 16]}>
        {has('planner') && (
          <Col xs={24} lg={12}>
            <PlanQueue status="draft,returned" title={t.home.draftPlans} testId="queue-draft-plans" />
          </Col>
        )}
        {has('approver') && (
          <Col xs={24} lg={12}>
            <PlanQueue status="submitted" title={t.home.awaitingApproval} testId="queue-awaiting-approval" />
          </Col>
        )}
        {has('admin') && (
          <Col span={24}>
            <AdminQueue />
          </Col>
        )}
        {HOME_QUEUES.filter((q) => q.roles.some(has)).map((q) => (
          <Col xs={24} lg={q.wide ? 24 : 12} key={q.key}>
            <Suspense fallback={<Card loading />}>
              <q.component />
            </Suspense>
          </Col>
        ))}
        {LATER.filter(has).map((role) => (
          <Col xs={24} lg={12} key={role}>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.roles[role]}</h2>}>
              <Typography.Paragraph type="secondary">{t.home.later}</Typography.Paragraph>
              <Link to="/batches">{t.menu.batches}</Link>
            </Card>
          </Col>
        ))}
        {has('auditor') && (
          <Col xs={24} lg={12}>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.roles.auditor}</h2>}>
              <Link to="/admin/audit">{t.menu.audit}</Link>
            </Card>
          </Col>
        )}
      </Row>
    </Page>
  );
}
