import type { ProColumns } from '@ant-design/pro-table';
import { Input, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiDate, shanghaiTime } from '../../shared/time';
import { useNotices, type Notice, type NoticeState } from './enforcement-api';
import { NoticeStateTag } from './notice-state';
import { ProTable } from '../../shared/table';

const STATES = ['unsent', 'awaiting-receipt', 'received', 'failed', 'public-notice'] as const;

/** Notices of the officer's jurisdiction, newest first, by delivery state and batch. */
export default function Notices() {
  const { t, language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const state = (params.get('state') ?? undefined) as NoticeState | undefined;
  const batchNumber = params.get('batchNumber') ?? undefined;
  const notices = useNotices({ state, batchNumber, page });
  const e = t.enforcement;
  const set = (key: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
    setPage(1);
  };
  const columns: ProColumns<Notice>[] = [
    {
      title: e.noticeNumber,
      dataIndex: 'noticeNumber',
      width: 150,
      render: (_, n) => <Link to={`/enforcement/notices/${n.id}`}>{n.noticeNumber}</Link>,
    },
    { title: e.batch, dataIndex: 'batchNumber', width: 140 },
    {
      title: e.noticeKind,
      dataIndex: 'kind',
      width: 150,
      render: (_, n) => e.noticeKinds[n.kind as keyof typeof e.noticeKinds] ?? n.kind,
    },
    {
      title: e.recipient,
      dataIndex: 'recipientName',
      ellipsis: true,
      render: (_, n) =>
        `${e.recipients[n.recipient as keyof typeof e.recipients] ?? n.recipient} · ${n.recipientName}`,
    },
    {
      title: e.channel,
      dataIndex: 'channel',
      width: 120,
      render: (_, n) => e.channels[n.channel as keyof typeof e.channels] ?? n.channel,
    },
    {
      title: e.state,
      key: 'state',
      dataIndex: 'sentAt',
      width: 150,
      render: (_, n) => <NoticeStateTag notice={n} />,
    },
    { title: e.dueAt, dataIndex: 'dueAt', width: 120, render: (_, n) => shanghaiDate(n.dueAt, language) },
    {
      title: e.issuedAt,
      dataIndex: 'issuedAt',
      width: 160,
      render: (_, n) => shanghaiTime(n.issuedAt, language),
    },
  ];
  return (
    <Page title={e.noticesTitle}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={e.state}
          style={{ width: 200 }}
          value={state ?? ''}
          onChange={(v) => set('state', v || undefined)}
          options={[
            { value: '', label: e.allStates },
            ...STATES.map((s) => ({ value: s, label: e.states[s] })),
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
      <ErrorAlert error={notices.error} />
      <ProTable<Notice>
        rowKey="id"
        search={false}
        options={false}
        loading={notices.isLoading}
        dataSource={notices.data?.items ?? []}
        columns={columns}
        scroll={{ x: 1100 }}
        pagination={{ current: page, pageSize: 20, total: notices.data?.total ?? 0, onChange: setPage }}
        data-testid="notices"
      />
    </Page>
  );
}
