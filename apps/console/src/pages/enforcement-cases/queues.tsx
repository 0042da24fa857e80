import { Card, Empty, List, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { fill, useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { shanghaiDate } from '../../shared/time';
import { CaseStatus } from './case-status';
import { useCases } from './cases-api';

/** The officer's open cases, overdue first, then the nearest due date. */
export function OpenCasesQueue() {
  const { t, language } = useLanguage();
  const cases = useCases({ status: 'open' });
  const items = [...(cases.data ?? [])].sort(
    (a, b) => Number(b.overdue ?? false) - Number(a.overdue ?? false) || a.dueAt.localeCompare(b.dueAt),
  );
  const overdue = items.filter((c) => c.overdue).length;
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.cases.queueTitle}</h2>}
      extra={<Link to="/cases">{t.home.open}</Link>}
      data-testid="queue-open-cases"
    >
      <ErrorAlert error={cases.error} />
      <Statistic
        title={fill(t.cases.queueNote, { n: items.length, overdue })}
        value={items.length}
        loading={cases.isLoading}
      />
      <List
        dataSource={items.slice(0, 6)}
        locale={{ emptyText: <Empty description={t.home.nothing} /> }}
        renderItem={(c) => (
          <List.Item extra={<CaseStatus status={c.status} overdue={c.overdue} />}>
            <List.Item.Meta
              title={<Link to={`/cases/${c.id}`}>{c.batchNumber}</Link>}
              description={`${c.sellerName} · ${t.cases.dueAt} ${shanghaiDate(c.dueAt, language)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
