import { Badge, Card, Empty, List, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { fill, useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { shanghaiTime } from '../../shared/time';
import { shanghaiDay, shanghaiToday, useExpectedParcels, useParcels, useSessions } from './intake-api';

const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** Parcels shipped and not admitted yet: today's door list, the earliest shipped first. */
export function ExpectedQueue() {
  const { t, language } = useLanguage();
  const expected = useExpectedParcels();
  const items = expected.data?.items ?? [];
  const today = items.filter((e) => shanghaiDay(e.shippedAt) === shanghaiToday()).length;
  return (
    <Card
      title={heading(t.intake.queueExpected)}
      extra={<Link to="/intake/parcels">{t.home.open}</Link>}
      data-testid="queue-parcels-expected"
    >
      <ErrorAlert error={expected.error} />
      <Statistic
        title={fill(t.intake.queueExpectedNote, { n: expected.data?.total ?? 0, today })}
        value={expected.data?.total ?? 0}
        loading={expected.isLoading}
      />
      <List
        dataSource={items.slice(0, 6)}
        locale={{ emptyText: <Empty description={t.intake.expectedEmpty} /> }}
        renderItem={(e) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  {e.batchNumber} · {e.carrier} <Typography.Text code>{e.trackingNumber}</Typography.Text>
                </span>
              }
              description={`${e.listingTitle} · ${shanghaiTime(e.shippedAt, language)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Quarantined parcels waiting for an officer's release or rejection. */
export function QuarantineQueue() {
  const { t, language } = useLanguage();
  const parcels = useParcels('quarantined');
  return (
    <Card
      title={heading(t.intake.queueQuarantined)}
      extra={<Link to="/intake/quarantine">{t.home.open}</Link>}
      data-testid="queue-quarantined"
    >
      <ErrorAlert error={parcels.error} />
      <Badge
        count={parcels.data?.total ?? 0}
        showZero
        color={parcels.data?.total ? 'orange' : 'green'}
        style={{ marginBottom: 8 }}
      />
      <List
        dataSource={(parcels.data?.items ?? []).slice(0, 6)}
        locale={{ emptyText: <Empty description={t.intake.quarantineEmpty} /> }}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  {p.carrier} <Typography.Text code>{p.trackingNumber}</Typography.Text>
                </span>
              }
              description={`${p.quarantineReason ?? ''} · ${shanghaiTime(p.receivedAt, language)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Unpacking sessions recorded and not sealed yet. */
export function ToSealQueue() {
  const { t, language } = useLanguage();
  const sessions = useSessions('open');
  return (
    <Card
      title={heading(t.intake.queueToSeal)}
      extra={<Link to="/intake/unpacking">{t.home.open}</Link>}
      data-testid="queue-to-seal"
    >
      <ErrorAlert error={sessions.error} />
      <List
        dataSource={(sessions.data?.items ?? []).slice(0, 6)}
        locale={{ emptyText: <Empty description={t.home.nothing} /> }}
        renderItem={(s) => (
          <List.Item
            actions={[
              <Link key="open" to={`/intake/sessions/${s.id}`}>
                {t.intake.openSession}
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={<Link to={`/intake/sessions/${s.id}`}>{s.batchNumber}</Link>}
              description={shanghaiTime(s.openedAt, language)}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
