import type { ProColumns } from '@ant-design/pro-table';
import { Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiDate } from '../../shared/time';
import { useObjections, type Objection, type ObjectionStatusFilter } from './enforcement-api';
import { ObjectionStatusTag } from './objection-status';
import { ProTable } from '../../shared/table';

const STATUSES = [
  'open',
  'awaiting-confirmation',
  'filed',
  'refused',
  'approved',
  'rejected',
  'waived',
  're-inspecting',
  'completed',
] as const;

/** Objections of the officer's jurisdiction, the latest filing first. */
export default function Objections() {
  const { t, language } = useLanguage();
  const e = t.enforcement;
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const status = (params.get('status') ?? undefined) as ObjectionStatusFilter | undefined;
  const batchNumber = params.get('batchNumber') ?? undefined;
  const objections = useObjections({ status, batchNumber, page });
  const set = (key: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
    setPage(1);
  };
  const label = (s: (typeof STATUSES)[number]) => (s === 'open' ? e.openStatus : e.statuses[s]);
  const columns: ProColumns<Objection>[] = [
    {
      title: e.batch,
      dataIndex: 'batchNumber',
      width: 150,
      render: (_, o) => <Link to={`/enforcement/objections/${o.id}`}>{o.batchNumber}</Link>,
    },
    {
      title: e.applicantName,
      dataIndex: 'applicantName',
      ellipsis: true,
      render: (_, o) =>
        `${e.applicantRoles[o.applicantRole as keyof typeof e.applicantRoles] ?? o.applicantRole} · ${o.applicantName}`,
    },
    {
      title: e.status,
      dataIndex: 'status',
      width: 150,
      render: (_, o) => <ObjectionStatusTag status={o.status} awaiting={o.filingAwaitingConfirmation} />,
    },
    {
      title: e.filedOn,
      dataIndex: 'filedAt',
      width: 120,
      render: (_, o) => shanghaiDate(o.filedAt, language),
    },
    { title: e.windowLastDay, dataIndex: 'windowLastDay', width: 130 },
  ];
  return (
    <Page
      title={e.objectionsTitle}
      extra={
        session.roles.includes('enforcement-officer') ? (
          <Link to={`/enforcement/objections/new${batchNumber ? `?batchNumber=${batchNumber}` : ''}`}>
            <Button type="primary">{e.registerObjection}</Button>
          </Link>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={e.status}
          style={{ width: 200 }}
          value={status ?? ''}
          onChange={(v) => set('status', v || undefined)}
          options={[
            { value: '', label: e.allStatuses },
            ...STATUSES.map((s) => ({ value: s, label: label(s) })),
          ]}
        />
        <Input.Search
          aria-label={e.batchFilter}
          placeholder={e.batchFilter}
          defaultValue={batchNumber}
          allowClear
          enterButton={e.search}
          style={{ width: 280 }}
          onSearch={(v) => set('batchNumber', v.trim() || undefined)}
        />
      </Space>
      <ErrorAlert error={objections.error} />
      <ProTable<Objection>
        rowKey="id"
        search={false}
        options={false}
        loading={objections.isLoading}
        dataSource={objections.data?.items ?? []}
        columns={columns}
        scroll={{ x: 820 }}
        pagination={{ current: page, pageSize: 20, total: objections.data?.total ?? 0, onChange: setPage }}
        data-testid="objections"
      />
    </Page>
  );
}
