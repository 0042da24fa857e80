import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, ConfigProvider, Row, Statistic, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { disclosure, enforcement } from '../../api/generated';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { EChart } from './echart';
import { Table } from '../../shared/table';

type Overview = enforcement.components['schemas']['EnforcementOverviewView'];
type Statistics = disclosure.components['schemas']['StatisticsView'];
type Estimate = disclosure.components['schemas']['EstimateView'];

/** The deadlines the bureau and its districts must meet (the objection and procedure periods are the parties'). */
const bureauDeadlines = (o?: Overview) =>
  (o?.deadlines ?? []).filter((d) => d.kind === 'result-notice' || d.kind === 'case-overdue');

const percent = (v: number): string => `${(v * 100).toFixed(1)}%`;
const PASS = '#237804';
const FAIL = '#cf1322';
const OPEN = '#8c8c8c';
/**
 * A chart's legend: one line above the plot, paged with arrows where its entries do not fit (a
 * phone, the English names), instead of wrapping onto the bars below.
 */
const LEGEND = { type: 'scroll', top: 0, left: 'center' } as const;
/** The cases table in its half-width card: cells padded 4 px a side, so six columns fit without a sideways scroll. */
const COMPACT_TABLE = { components: { Table: { cellPaddingInlineSM: 4 } } };

function RateCard({
  title,
  estimate,
  tested,
}: {
  title: string;
  estimate?: Estimate | null;
  tested: number;
}) {
  const { t } = useLanguage();
  const b = t.dashboard;
  return (
    <Card size="small">
      <Statistic title={title} value={estimate ? percent(estimate.value) : '—'} />
      <Typography.Text type="secondary" data-testid={`interval-${title}`}>
        {b.interval} (95%): {estimate ? `${percent(estimate.low)} – ${percent(estimate.high)}` : '—'} ·{' '}
        {b.tested} {tested}
      </Typography.Text>
    </Card>
  );
}

/** The rate's value with its interval as a band: the low bound, then the band's height stacked on it. */
function rateSeries(
  name: string,
  color: string,
  rows: Statistics['rows'],
  pick: (r: Statistics['rows'][number]) => Estimate | null | undefined,
) {
  const stack = `band-${name}`;
  return [
    {
      name: `${name} low`,
      type: 'line',
      stack,
      data: rows.map((r) => (pick(r) ? +(pick(r)!.low * 100).toFixed(1) : null)),
      lineStyle: { opacity: 0 },
      symbol: 'none',
      tooltip: { show: false },
    },
    {
      name: `${name} band`,
      type: 'line',
      stack,
      data: rows.map((r) => (pick(r) ? +((pick(r)!.high - pick(r)!.low) * 100).toFixed(1) : null)),
      lineStyle: { opacity: 0 },
      areaStyle: { color, opacity: 0.15 },
      symbol: 'none',
      tooltip: { show: false },
    },
    {
      name,
      type: 'line',
      data: rows.map((r) => (pick(r) ? +(pick(r)!.value * 100).toFixed(1) : null)),
      itemStyle: { color },
      lineStyle: { color, width: 2 },
      // A month alone has no line to draw: its point must show by itself.
      showSymbol: true,
      symbolSize: 8,
    },
  ];
}

/** A month the link names (`/dashboard?month=2026-12`), else this month on enforcement's clock. */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Batches by stage, pass and detection rates with intervals, cases per jurisdiction, and the legal
 * deadlines falling due in a month: this month, or the one the link names.
 */
export default function Dashboard() {
  const { t } = useLanguage();
  const b = t.dashboard;
  const [params] = useSearchParams();
  const asked = params.get('month');
  const month = asked && MONTH.test(asked) ? asked : undefined;
  const overview = useQuery({
    queryKey: ['dashboard', 'overview', month],
    queryFn: () =>
      unwrap(api.enforcement.GET('/statistics/overview', { params: { query: month ? { month } : {} } })),
  });
  const byMonth = useQuery({
    queryKey: ['dashboard', 'statistics', 'month'],
    queryFn: () =>
      unwrap(api.disclosure.GET('/public/statistics', { params: { query: { by: 'month' } as never } })),
  });
  const o: Overview | undefined = overview.data;
  const stats: Statistics | undefined = byMonth.data;

  const stageOption = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: (o?.batchesByStage ?? []).map((s) => b.stageNames[s.stage]),
        axisLabel: { interval: 0, rotate: 20 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: b.batches,
          type: 'bar',
          data: (o?.batchesByStage ?? []).map((s) => s.batches),
          itemStyle: { color: '#1d4ed8' },
          label: { show: true, position: 'top' },
        },
      ],
    }),
    [o, b],
  );
  const rateOption = useMemo<EChartsCoreOption>(() => {
    const rows = stats?.rows ?? [];
    return {
      grid: { left: 44, right: 16, top: 36, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${String(v)}%`) },
      legend: { ...LEGEND, data: [b.passRate, b.detectionRate] },
      xAxis: { type: 'category', data: rows.map((r) => r.key) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        ...rateSeries(b.passRate, PASS, rows, (r) => r.passRate),
        ...rateSeries(b.detectionRate, FAIL, rows, (r) => r.detectionRate),
      ],
    };
  }, [stats, b]);
  const areaLabel = (a: Overview['casesByArea'][number]) => a.authorityName ?? a.areaCode;
  const caseOption = useMemo<EChartsCoreOption>(() => {
    const areas = o?.casesByArea ?? [];
    const statuses = ['routed', 'accepted', 'investigating', 'closed'] as const;
    const colors = ['#d46b08', '#1d4ed8', '#722ed1', PASS];
    return {
      grid: { left: 40, right: 16, top: 36, bottom: 72 },
      tooltip: { trigger: 'axis' },
      legend: LEGEND,
      xAxis: {
        type: 'category',
        data: areas.map(areaLabel),
        axisLabel: { interval: 0, rotate: 25, width: 120, overflow: 'truncate' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: statuses.map((s, i) => ({
        name: b.caseStatuses[s],
        type: 'bar',
        stack: 'cases',
        itemStyle: { color: colors[i] },
        data: areas.map((a) => a[s]),
      })),
    };
  }, [o, b]);
  const deadlineOption = useMemo<EChartsCoreOption>(() => {
    const kinds = bureauDeadlines(o);
    return {
      grid: { left: 40, right: 16, top: 36, bottom: 72 },
      tooltip: { trigger: 'axis' },
      legend: LEGEND,
      xAxis: {
        type: 'category',
        data: kinds.map((k) => b.deadlineKinds[k.kind] ?? k.kind),
        axisLabel: { interval: 0, rotate: 20, width: 110, overflow: 'truncate' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: b.met, type: 'bar', stack: 'd', itemStyle: { color: PASS }, data: kinds.map((k) => k.met) },
        {
          name: b.missed,
          type: 'bar',
          stack: 'd',
          itemStyle: { color: FAIL },
          data: kinds.map((k) => k.missed),
        },
        { name: b.open, type: 'bar', stack: 'd', itemStyle: { color: OPEN }, data: kinds.map((k) => k.open) },
      ],
    };
  }, [o, b]);

  const scope = o ? (o.jurisdiction ? b.scopeOf.replace('{j}', o.jurisdiction) : b.scopeAll) : '';
  const label = (title: string) => b.chartLabel.replace('{t}', title);
  const loading = overview.isLoading || byMonth.isLoading;
  const deadlinesTitle = month ? b.namedMonthDeadlines : b.deadlines;
  return (
    <Page title={b.title}>
      <ErrorAlert error={overview.error ?? byMonth.error} />
      {o ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${scope} · ${month ? b.namedMonth : b.month} ${o.month}`}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <RateCard title={b.passRate} estimate={stats?.total.passRate} tested={stats?.total.tested ?? 0} />
        </Col>
        <Col xs={24} md={12}>
          <RateCard
            title={b.detectionRate}
            estimate={stats?.total.detectionRate}
            tested={stats?.total.tested ?? 0}
          />
        </Col>
        {stats?.total.smallSample ? (
          <Col span={24}>
            <Alert type="warning" showIcon message={b.smallSample} />
          </Col>
        ) : null}
        <Col xs={24} lg={12}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{b.stages}</h2>}
            loading={loading}
            data-testid="chart-stages"
          >
            <EChart option={stageOption} label={label(b.stages)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {(o?.batchesByStage ?? []).map((s) => `${b.stageNames[s.stage]} ${s.batches}`).join(' · ')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{b.rates}</h2>}
            loading={loading}
            data-testid="chart-rates"
          >
            <EChart option={rateOption} label={label(b.rates)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {(stats?.rows ?? [])
                .map(
                  (r) =>
                    `${r.key}: ${r.passRate ? percent(r.passRate.value) : '—'} / ${r.detectionRate ? percent(r.detectionRate.value) : '—'}`,
                )
                .join(' · ')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{b.cases}</h2>}
            loading={loading}
            data-testid="chart-cases"
          >
            {o && o.casesByArea.length === 0 ? (
              <Typography.Text type="secondary">{b.noData}</Typography.Text>
            ) : null}
            <EChart option={caseOption} label={label(b.cases)} />
            <ConfigProvider theme={COMPACT_TABLE}>
              <Table
                size="small"
                rowKey="areaCode"
                pagination={false}
                dataSource={o?.casesByArea ?? []}
                // No sideways scroll in a half-width card: the authority's name wraps, the counts take
                // their headings' width.
                columns={[
                  { title: b.cases, render: (_, a) => areaLabel(a) },
                  ...(['routed', 'accepted', 'investigating', 'closed', 'total'] as const).map((s) => ({
                    title: s === 'total' ? b.total : b.caseStatuses[s],
                    dataIndex: s,
                    align: 'right' as const,
                  })),
                ]}
              />
            </ConfigProvider>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{deadlinesTitle}</h2>}
            loading={loading}
            data-testid="chart-deadlines"
          >
            <EChart option={deadlineOption} label={label(deadlinesTitle)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {bureauDeadlines(o)
                .map(
                  (k) =>
                    `${b.deadlineKinds[k.kind] ?? k.kind}: ${b.met} ${k.met} / ${b.missed} ${k.missed} / ${b.open} ${k.open}`,
                )
                .join(' · ')}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
