import { Card, Empty, List } from 'antd';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { shanghaiTime } from '../../shared/time';
import { isOverdue, useMyTasks } from './buyer-api';
import { TaskStatusTag } from './task-status';

/** Home: the buyer's open tasks, the nearest deadline first. */
export default function MyTasksQueue() {
  const { t, language } = useLanguage();
  const w = t.buyerWork;
  const tasks = useMyTasks();
  const open = (tasks.data ?? []).filter((task) => task.status !== 'shipped');
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{w.queueTitle}</h2>}
      data-testid="queue-buyer-tasks"
      loading={tasks.isLoading}
    >
      <ErrorAlert error={tasks.error} />
      <List
        dataSource={open.slice(0, 10)}
        footer={<Link to="/buyer/tasks">{t.menu.buyerTasks}</Link>}
        locale={{ emptyText: <Empty description={w.noTasks} /> }}
        renderItem={(task) => (
          <List.Item
            actions={[
              <Link
                key="open"
                to={`/buyer/tasks/${task.batchNumber}`}
                aria-label={`${w.open} ${task.batchNumber}`}
              >
                {w.open}
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={<Link to={`/buyer/tasks/${task.batchNumber}`}>{task.batchNumber}</Link>}
              description={
                <>
                  <div>{task.listing.title}</div>
                  <div>
                    {w.due}: {shanghaiTime(task.purchaseDueAt, language)}{' '}
                    <TaskStatusTag status={task.status} overdue={isOverdue(task)} />
                  </div>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
