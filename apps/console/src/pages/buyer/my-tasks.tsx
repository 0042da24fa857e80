import type { ProColumns } from '@ant-design/pro-table';
import { Card } from 'antd';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime, yuan } from '../../shared/time';
import { isOverdue, useMyTasks, type Task } from './buyer-api';
import { TaskStatusTag } from './task-status';
import { platformName } from '../../shared/platforms';
import { ProTable } from '../../shared/table';

/** The signed-in buyer's tasks, the nearest purchase deadline first. */
export default function MyTasks() {
  const { t, language } = useLanguage();
  const w = t.buyerWork;
  const tasks = useMyTasks();
  const columns: ProColumns<Task>[] = [
    {
      title: w.batch,
      dataIndex: 'batchNumber',
      width: 150,
      render: (_, task) => <Link to={`/buyer/tasks/${task.batchNumber}`}>{task.batchNumber}</Link>,
    },
    {
      title: w.due,
      dataIndex: 'purchaseDueAt',
      width: 170,
      render: (_, task) => shanghaiTime(task.purchaseDueAt, language),
    },
    { title: w.listing, dataIndex: ['listing', 'title'], ellipsis: true },
    {
      title: w.platform,
      dataIndex: 'platform',
      width: 110,
      render: (_, task) => platformName(task.platform, language),
    },
    {
      title: w.priceCap,
      dataIndex: 'unitPriceCapFen',
      width: 130,
      render: (_, task) => yuan(task.unitPriceCapFen),
    },
    {
      title: w.status,
      dataIndex: 'status',
      width: 170,
      render: (_, task) => <TaskStatusTag status={task.status} overdue={isOverdue(task)} />,
    },
  ];
  return (
    <Page title={w.tasksTitle}>
      <ErrorAlert error={tasks.error} />
      {/* A skeleton while loading, then the table (no spinner fading over the rows). */}
      {tasks.isLoading ? <Card loading /> : null}
      <ProTable<Task>
        style={tasks.isLoading ? { display: 'none' } : undefined}
        rowKey="batchNumber"
        search={false}
        options={false}
        dataSource={tasks.data ?? []}
        columns={columns}
        scroll={{ x: 860 }}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: w.noTasks }}
        data-testid="buyer-tasks"
      />
    </Page>
  );
}
