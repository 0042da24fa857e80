import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { fill, useLanguage } from '../../i18n/language';
import { categoryLabel } from '../../shared/categories';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { AssignmentStatus } from './assignment-status';
import type { Contract, Dispatch, Lab, WaitingSample } from './lab-api';
import { ContractSummary, expiryOf, LabContractsDrawer } from './lab-contracts';

function TestItems({ category }: { category: string }) {
  const { t } = useLanguage();
  const items = useQuery({
    queryKey: ['lab', 'test-items', category],
    queryFn: () => unwrap(api.labGateway.GET('/test-items/{category}', { params: { path: { category } } })),
  });
  if (!items.data) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t.lab.testItems}: {items.data.map((i) => i.item).join('、') || '—'}
    </Typography.Text>
  );
}

/** The bureau's view of its contracted labs, the random draws that sent samples to them, and what waits. */
export default function LabRegistry() {
  const { t, language } = useLanguage();
  const labs = useQuery({
    queryKey: ['lab', 'labs'],
    queryFn: () => unwrap(api.labGateway.GET('/labs', {})),
  });
  const dispatches = useQuery({
    queryKey: ['lab', 'dispatches'],
    queryFn: () =>
      unwrap(api.labGateway.GET('/dispatches', { params: { query: { page: 1, pageSize: 50 } as never } })),
  });
  const waiting = useQuery({
    queryKey: ['lab', 'waiting'],
    queryFn: () => unwrap(api.labGateway.GET('/waiting-samples', {})),
  });
  const contracts = useQuery({
    queryKey: ['lab', 'contracts'],
    queryFn: () => unwrap(api.labGateway.GET('/lab-contracts', {})),
  });
  const labName = (id: string) => labs.data?.find((l) => l.id === id)?.name ?? id.slice(0, 8);
  // The contract a lab row shows: the one in force today, else the latest by term.
  const contractOf = (labId: string): Contract | undefined => {
    const own = (contracts.data ?? []).filter((c) => c.labId === labId);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    return (
      own.find((c) => c.validFrom <= today && today <= c.lastDayInForce) ??
      [...own].sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0]
    );
  };
  const [params, setParams] = useSearchParams();
  const openLab = labs.data?.find((l) => l.id === params.get('contracts'));

  const expiry = (date?: string, label?: string) => {
    if (!date) return null;
    const state = expiryOf(date);
    return (
      <div>
        {label ? `${label} ` : ''}
        {date} {state === 'expired' ? <Tag color="red">{t.lab.expired}</Tag> : null}
        {state === 'expiring' ? <Tag color="orange">{t.lab.expiring}</Tag> : null}
      </div>
    );
  };

  const labsTable = (
    <Table<Lab>
      rowKey="id"
      size="small"
      loading={labs.isLoading}
      dataSource={labs.data ?? []}
      scroll={{ x: 1000 }}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t.lab.name, dataIndex: 'name', width: 200 },
        {
          title: t.lab.scope,
          render: (_, l) => (
            <Space direction="vertical" size={2}>
              {l.scopes.map((s) => (
                <div key={s.category}>
                  <Tag>{categoryLabel(s.category, language)}</Tag>
                  {s.standards.join(', ')}
                  <br />
                  <TestItems category={s.category} />
                </div>
              ))}
            </Space>
          ),
        },
        { title: t.lab.level, dataIndex: 'qualificationLevel', width: 90 },
        {
          title: t.lab.expiry,
          width: 220,
          render: (_, l) => (
            <>
              {expiry(l.cmaExpiresOn, 'CMA')}
              {expiry(l.cnasExpiresOn, 'CNAS')}
            </>
          ),
        },
        { title: t.lab.capacity, dataIndex: 'capacity', width: 90 },
        {
          title: t.lab.contract,
          key: 'contract',
          width: 230,
          render: (_, l) => (
            <Space direction="vertical" size={4}>
              <ContractSummary contract={contractOf(l.id)} />
              <Button size="small" onClick={() => setParams({ contracts: l.id })}>
                {t.lab.contracts}
              </Button>
            </Space>
          ),
        },
        {
          title: t.lab.status,
          width: 90,
          render: (_, l) =>
            l.active ? <Tag color="green">{t.lab.active}</Tag> : <Tag>{t.lab.inactive}</Tag>,
        },
      ]}
    />
  );

  const dispatchTable = (
    <Table<Dispatch>
      rowKey="id"
      size="small"
      loading={dispatches.isLoading}
      dataSource={dispatches.data?.items ?? []}
      scroll={{ x: 1100 }}
      pagination={{ pageSize: 20 }}
      data-testid="dispatches"
      columns={[
        { title: t.lab.batch, dataIndex: 'batchNumber', width: 140 },
        {
          title: t.lab.category,
          dataIndex: 'category',
          width: 110,
          render: (c: string) => categoryLabel(c, language),
        },
        {
          title: t.lab.draw,
          render: (_, d) => (
            <div>
              <div>
                {t.lab.seed}: <Typography.Text code>{d.drawSeed}</Typography.Text>
              </div>
              <div>
                {t.lab.candidates}: {d.candidateLabIds.map(labName).join('、') || t.lab.noCandidates}
              </div>
              {d.excludedLabIds.length > 0 ? (
                <div>
                  {t.lab.excluded}: {d.excludedLabIds.map(labName).join('、')}
                </div>
              ) : null}
              <div>
                {t.lab.pick}: <strong>{d.labName}</strong>{' '}
                {d.redrawnLabId === d.labId ? (
                  <Tag color="green">{t.lab.redrawOk}</Tag>
                ) : (
                  <Tag color="red">{t.lab.redrawMismatch}</Tag>
                )}
              </div>
            </div>
          ),
        },
        {
          title: t.lab.dueOn,
          width: 170,
          render: (_, d) => (
            <div>
              <div>{d.dueOn}</div>
              {d.contractNumber ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t.lab.contractApplied}: {d.contractNumber}
                  {d.contractVersion && d.contractVersion > 1 ? ` v${d.contractVersion}` : ''} ·{' '}
                  {fill(t.lab.workingDays, { n: d.turnaroundWorkingDays ?? 0 })}
                </Typography.Text>
              ) : null}
            </div>
          ),
        },
        {
          title: t.lab.status,
          width: 150,
          render: (_, d) => <AssignmentStatus status={d.status} overdue={d.overdue} />,
        },
        {
          title: t.lab.dispatchedAt,
          width: 160,
          render: (_, d) => shanghaiTime(d.dispatchedAt, language),
        },
      ]}
    />
  );

  const waitingTable = (
    <Table<WaitingSample>
      rowKey="id"
      size="small"
      loading={waiting.isLoading}
      dataSource={waiting.data ?? []}
      data-testid="waiting-samples"
      scroll={{ x: 900 }}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t.lab.batch, dataIndex: 'batchNumber', width: 140 },
        { title: t.lab.sampleCode, dataIndex: 'sampleCode', width: 170 },
        {
          title: t.lab.category,
          dataIndex: 'category',
          width: 110,
          render: (c: string) => categoryLabel(c, language),
        },
        {
          title: t.lab.reason,
          render: (_, w) => {
            const reasons = Object.entries((w.exclusions ?? {}) as Record<string, string[]>);
            return reasons.length === 0
              ? t.lab.noCandidates
              : reasons.map(([lab, why]) => (
                  <div key={lab}>
                    {labName(lab)}: {why.join('; ')}
                  </div>
                ));
          },
        },
        { title: t.lab.attempts, dataIndex: 'attempts', width: 90 },
        {
          title: t.lab.waitingSince,
          width: 160,
          render: (_, w) => shanghaiTime(w.waitingSince, language),
        },
      ]}
    />
  );

  return (
    <Page title={t.lab.registryTitle}>
      <ErrorAlert error={labs.error ?? dispatches.error ?? waiting.error ?? contracts.error} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{`${t.lab.labs} (${labs.data?.length ?? 0})`}</h2>}
        >
          {labsTable}
        </Card>
        <Card
          title={
            <h2
              style={{ fontSize: 16, margin: 0 }}
            >{`${t.lab.dispatches} (${dispatches.data?.total ?? 0})`}</h2>
          }
        >
          {dispatchTable}
        </Card>
        <Card
          title={
            <h2 style={{ fontSize: 16, margin: 0 }}>{`${t.lab.waiting} (${waiting.data?.length ?? 0})`}</h2>
          }
        >
          {waitingTable}
        </Card>
      </Space>
      {openLab ? <LabContractsDrawer lab={openLab} onClose={() => setParams({})} /> : null}
    </Page>
  );
}
