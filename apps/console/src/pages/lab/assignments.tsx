import type { ProColumns } from '@ant-design/pro-table';
import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { categoryLabel } from '../../shared/categories';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { AssignmentStatus } from './assignment-status';
import { useMyAssignments, type Assignment } from './lab-api';
import { ProTable } from '../../shared/table';

/** The signed-in lab's assignments, the soonest due first. */
export default function Assignments() {
  const { t, language } = useLanguage();
  const session = useSession();
  const assignments = useMyAssignments();
  const columns: ProColumns<Assignment>[] = [
    {
      title: t.lab.batch,
      dataIndex: 'batchNumber',
      width: 150,
      render: (_, a) => <Link to={`/lab/assignments/${a.id}`}>{a.batchNumber}</Link>,
    },
    { title: t.lab.sample, dataIndex: 'sampleName', ellipsis: true },
    {
      title: t.lab.category,
      dataIndex: 'category',
      width: 120,
      render: (_, a) => categoryLabel(a.category, language),
    },
    { title: t.lab.dueOn, dataIndex: 'dueOn', width: 120 },
    {
      title: t.lab.status,
      dataIndex: 'status',
      width: 160,
      render: (_, a) => <AssignmentStatus status={a.status} overdue={a.overdue} />,
    },
    {
      title: t.lab.dispatchedAt,
      dataIndex: 'dispatchedAt',
      width: 170,
      render: (_, a) => shanghaiTime(a.dispatchedAt, language),
    },
  ];
  return (
    <Page title={t.lab.assignmentsTitle}>
      {!session.labId ? (
        <Alert type="warning" showIcon message={t.lab.noLab} style={{ marginBottom: 12 }} />
      ) : null}
      <ErrorAlert error={assignments.error} />
      <ProTable<Assignment>
        rowKey="id"
        search={false}
        options={false}
        loading={assignments.isLoading}
        dataSource={assignments.data ?? []}
        columns={columns}
        scroll={{ x: 820 }}
        pagination={{ pageSize: 20 }}
      />
    </Page>
  );
}
