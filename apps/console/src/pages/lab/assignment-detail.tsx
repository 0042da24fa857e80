import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Input, Modal, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError, unwrap } from '../../api/client';
import { useLanguage } from '../../i18n/language';
import { categoryLabel } from '../../shared/categories';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { NotFound } from '../status-pages';
import { AssignmentStatus } from './assignment-status';
import { idempotencyKey, useBatchReports, type SubmittedReport } from './lab-api';
import { ReportForm } from './report-form';
import { Table } from '../../shared/table';

/** One of the lab's assignments: accept or decline it, report on it, amend the report. */
export default function AssignmentDetail() {
  const { id = '' } = useParams();
  const { t, language } = useLanguage();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const acceptKey = useRef(idempotencyKey());
  const declineKey = useRef(idempotencyKey());
  const progressKey = useRef(idempotencyKey());
  const [stage, setStage] = useState('sample-received');
  const [note, setNote] = useState('');

  const assignment = useQuery({
    queryKey: ['lab', 'assignment', id],
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
    queryFn: () => unwrap(api.labGateway.GET('/v1/assignments/{id}', { params: { path: { id } } })),
  });
  const a = assignment.data;
  const reports = useBatchReports(a && a.status === 'reported' ? a.batchNumber : undefined);
  const refresh = (text: string) => {
    void message.success(text);
    void queries.invalidateQueries({ queryKey: ['lab'] });
  };
  const accept = useMutation({
    mutationFn: () =>
      unwrap(
        api.labGateway.POST('/v1/assignments/{id}/accept', {
          params: { path: { id }, header: { 'Idempotency-Key': acceptKey.current } },
        }),
      ),
    onSuccess: () => refresh(t.lab.accepted),
  });
  const decline = useMutation({
    mutationFn: () =>
      unwrap(
        api.labGateway.POST('/v1/assignments/{id}/decline', {
          params: { path: { id }, header: { 'Idempotency-Key': declineKey.current } },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      setDeclining(false);
      setReason('');
      refresh(t.lab.declined);
    },
  });

  const progress = useMutation({
    mutationFn: () =>
      unwrap(
        api.labGateway.POST('/v1/assignments/{id}/progress', {
          params: { path: { id }, header: { 'Idempotency-Key': progressKey.current } },
          body: {
            stage: stage as 'sample-received' | 'testing' | 'reviewing' | 'report-drafted',
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => {
      progressKey.current = idempotencyKey();
      setNote('');
      refresh(t.lab.progressReported);
    },
  });

  if (assignment.error instanceof ApiError && assignment.error.status === 404) return <NotFound />;
  if (!a)
    return (
      <Page title={t.lab.assignmentsTitle}>
        <ErrorAlert error={assignment.error} />
        {!assignment.error ? <Typography.Text>{t.common.loading}</Typography.Text> : null}
      </Page>
    );

  const stageLabel = (s: string) => t.lab.progressStages[s as keyof typeof t.lab.progressStages] ?? s;
  const own = (reports.data ?? []).filter((r) => r.reportNumber);
  const numberOf = (reportId?: string) => own.find((r) => r.id === reportId)?.reportNumber;
  const latest: SubmittedReport | undefined = own[own.length - 1];
  const mayReport = ['accepted', 'in-progress'].includes(a.status) || (a.status === 'reported' && latest);

  return (
    <Page
      title={`${a.batchNumber} · ${a.sampleName}`}
      extra={<AssignmentStatus status={a.status} overdue={a.overdue} />}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ErrorAlert error={accept.error ?? decline.error ?? progress.error} />
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t.lab.batch}>{a.batchNumber}</Descriptions.Item>
            <Descriptions.Item label={t.lab.category}>
              {categoryLabel(a.category, language)}
            </Descriptions.Item>
            <Descriptions.Item label={t.lab.sampleCode}>{a.sampleCode}</Descriptions.Item>
            <Descriptions.Item label={t.lab.sealNumber}>{a.sealNumber}</Descriptions.Item>
            <Descriptions.Item label={t.lab.standard}>{a.productStandard ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t.lab.dueOn}>{a.dueOn}</Descriptions.Item>
            <Descriptions.Item label={t.lab.dispatchedAt}>
              {shanghaiTime(a.dispatchedAt, language)}
            </Descriptions.Item>
            <Descriptions.Item label={t.lab.purpose}>
              {t.lab.purposes[a.purpose as keyof typeof t.lab.purposes] ?? a.purpose}
            </Descriptions.Item>
            {a.declineReason ? (
              <Descriptions.Item label={t.lab.declineReason}>{a.declineReason}</Descriptions.Item>
            ) : null}
          </Descriptions>
          {a.status === 'dispatched' ? (
            <Space wrap style={{ marginTop: 12 }}>
              <Button type="primary" loading={accept.isPending} onClick={() => accept.mutate()}>
                {t.lab.accept}
              </Button>
              <Button danger onClick={() => setDeclining(true)}>
                {t.lab.decline}
              </Button>
            </Space>
          ) : null}
        </Card>
        {['accepted', 'in-progress'].includes(a.status) || a.progress.length > 0 ? (
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.lab.progress}</h2>}>
            {a.progress.length > 0 ? (
              <ul data-testid="progress" style={{ paddingInlineStart: 18 }}>
                {a.progress.map((p) => (
                  <li key={`${p.at}-${p.stage}`}>
                    {shanghaiTime(p.at, language)} · {stageLabel(p.stage)}
                    {p.note ? ` · ${p.note}` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
            {['accepted', 'in-progress'].includes(a.status) ? (
              <Space wrap align="end">
                <div>
                  <label htmlFor="progress-stage" style={{ display: 'block' }}>
                    {t.lab.progressStage}
                  </label>
                  <select
                    id="progress-stage"
                    value={stage}
                    onChange={(e) => setStage(e.target.value)}
                    style={{ height: 32, minWidth: 160 }}
                  >
                    {Object.keys(t.lab.progressStages).map((s) => (
                      <option key={s} value={s}>
                        {stageLabel(s)}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor="progress-note" style={{ display: 'block' }}>
                    {t.lab.progressNote}
                  </label>
                  <Input id="progress-note" value={note} onChange={(e) => setNote(e.target.value)} />
                </div>
                <Button loading={progress.isPending} onClick={() => progress.mutate()}>
                  {t.lab.reportProgress}
                </Button>
              </Space>
            ) : null}
          </Card>
        ) : null}
        {own.length > 0 ? (
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.lab.reports}</h2>}>
            <Table<SubmittedReport>
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 600 }}
              dataSource={own}
              data-testid="reports"
              columns={[
                { title: t.lab.reportNumber, dataIndex: 'reportNumber' },
                {
                  title: t.lab.amends,
                  dataIndex: 'amendsReportId',
                  render: (v?: string) => (v ? <Tag color="orange">{numberOf(v) ?? v}</Tag> : '—'),
                },
                {
                  title: t.lab.verdict,
                  dataIndex: 'verdict',
                  render: (v: string) => t.lab.verdicts[v as 'pass' | 'fail'] ?? v,
                },
                {
                  title: t.lab.issuedAt,
                  dataIndex: 'issuedAt',
                  render: (v?: string) => shanghaiTime(v, language),
                },
                {
                  title: t.lab.receivedAt,
                  dataIndex: 'receivedAt',
                  render: (v: string) => shanghaiTime(v, language),
                },
              ]}
            />
          </Card>
        ) : null}
        {mayReport ? <ReportForm key={latest?.id ?? 'first'} assignment={a} latest={latest} /> : null}
      </Space>
      <Modal
        open={declining}
        title={t.lab.declineTitle}
        okText={t.lab.decline}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: decline.isPending }}
        cancelText={t.common.cancel}
        onOk={() => decline.mutate()}
        onCancel={() => setDeclining(false)}
      >
        <label htmlFor="decline-reason">{t.lab.declineReason}</label>
        <Input.TextArea
          id="decline-reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Page>
  );
}
