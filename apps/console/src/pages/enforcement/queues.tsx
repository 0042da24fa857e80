import { Card, Empty, List, Skeleton, Space } from 'antd';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Countdown, deadlineLink, useDeadlineSubject } from './countdown';
import { useDeadlines } from './enforcement-api';

/**
 * The officer's home queue, nearest legal deadline first: result notices due within 5 working
 * days, objection periods closing, re-inspection procedures due within 7, overdue cases.
 */
export function DeadlinesQueue() {
  const { t } = useLanguage();
  const deadlines = useDeadlines('soon');
  const subject = useDeadlineSubject();
  const kindLabel = (k: string) => t.enforcement.kinds[k as keyof typeof t.enforcement.kinds] ?? k;
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.enforcement.queueTitle}</h2>}
      data-testid="queue-deadlines"
    >
      <ErrorAlert error={deadlines.error} />
      {/* A skeleton, not a spinner fading over the rows: a screenshot never catches them half-faded. */}
      {deadlines.isLoading ? <Skeleton active paragraph={{ rows: 3 }} /> : null}
      <List
        style={{ display: deadlines.isLoading ? 'none' : undefined }}
        dataSource={(deadlines.data ?? []).slice(0, 8)}
        locale={{ emptyText: <Empty description={t.enforcement.queueEmpty} /> }}
        renderItem={(d) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Countdown deadline={d} />
                  <Link to={deadlineLink(d)}>{`${d.batchNumber} · ${kindLabel(d.kind)}`}</Link>
                </Space>
              }
              description={`${d.dueDate} · ${subject(d)}`}
            />
          </List.Item>
        )}
      />
      <Link to="/enforcement/deadlines">{t.enforcement.allDeadlines}</Link>
    </Card>
  );
}
