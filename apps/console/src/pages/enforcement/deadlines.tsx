import type { ProColumns } from '@ant-design/pro-table';
import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { Countdown, deadlineLink, useDeadlineSubject } from './countdown';
import { useDeadlines, type Deadline } from './enforcement-api';
import { ProTable } from '../../shared/table';

/** Every open legal deadline of the officer's jurisdiction, nearest first, with its countdown. */
export default function Deadlines() {
  const { t } = useLanguage();
  const deadlines = useDeadlines('all');
  const subject = useDeadlineSubject();
  const kindLabel = (k: string) => t.enforcement.kinds[k as keyof typeof t.enforcement.kinds] ?? k;
  const columns: ProColumns<Deadline>[] = [
    {
      title: t.enforcement.countdown,
      dataIndex: 'workingDaysLeft',
      width: 170,
      render: (_, d) => <Countdown deadline={d} />,
    },
    { title: t.enforcement.dueDate, dataIndex: 'dueDate', width: 110 },
    { title: t.enforcement.kind, dataIndex: 'kind', width: 230, render: (_, d) => kindLabel(d.kind) },
    {
      title: t.enforcement.batch,
      dataIndex: 'batchNumber',
      width: 150,
      render: (_, d) => <Link to={deadlineLink(d)}>{d.batchNumber}</Link>,
    },
    { title: t.enforcement.subject, dataIndex: 'noticeNumber', ellipsis: true, render: (_, d) => subject(d) },
  ];
  return (
    <Page title={t.enforcement.deadlinesTitle}>
      <Typography.Paragraph type="secondary">{t.enforcement.deadlinesNote}</Typography.Paragraph>
      <ErrorAlert error={deadlines.error} />
      <ProTable<Deadline>
        rowKey="id"
        search={false}
        options={false}
        loading={deadlines.isLoading}
        dataSource={deadlines.data ?? []}
        columns={columns}
        scroll={{ x: 860 }}
        pagination={{ pageSize: 20 }}
        data-testid="deadlines"
      />
    </Page>
  );
}
