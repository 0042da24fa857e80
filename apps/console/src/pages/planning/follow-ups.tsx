import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { enforcement } from '../../api/generated';
import { useLanguage } from '../../i18n/language';
import { categoryLabel } from '../../shared/categories';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { Table } from '../../shared/table';

type Proposal = enforcement.components['schemas']['FollowUpProposalView'];

/** Failed batches enforcement proposes to sample again (跟踪抽检), for the planner. */
export default function FollowUps() {
  const { t, language } = useLanguage();
  const proposals = useQuery({
    queryKey: ['follow-ups'],
    queryFn: () => unwrap(api.enforcement.GET('/follow-up-proposals', {})),
  });
  return (
    <Page title={t.followUps.title}>
      <ErrorAlert error={proposals.error} />
      <Table<Proposal>
        rowKey="id"
        loading={proposals.isLoading}
        dataSource={proposals.data ?? []}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t.batch.title,
            dataIndex: 'batchNumber',
            render: (b: string) => <Link to={`/batches/${b}`}>{b}</Link>,
          },
          { title: t.followUps.subject, dataIndex: 'sellerName' },
          {
            title: t.listings.category,
            dataIndex: 'category',
            render: (c: string) => categoryLabel(c, language),
          },
          { title: t.followUps.reason, dataIndex: 'reason' },
          {
            title: t.plan.testItems,
            dataIndex: 'failingItems',
            render: (items: string[]) => items.map((i) => <Tag key={i}>{i}</Tag>),
          },
          {
            title: t.followUps.proposedAt,
            dataIndex: 'proposedAt',
            render: (at: string) => shanghaiTime(at, language),
          },
        ]}
      />
    </Page>
  );
}
