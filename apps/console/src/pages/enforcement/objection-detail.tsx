import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { fill, useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiDate, shanghaiTime } from '../../shared/time';
import { NotFound } from '../status-pages';
import { beijingInput, fromBeijingInput, useObjection, type Objection } from './enforcement-api';
import { ObjectionStatusTag } from './objection-status';

const ITEMS = [
  'noticeReceipt',
  'writtenApplication',
  'proofOfStanding',
  'powerOfAttorney',
  'authorisedPersonId',
] as const;

/** One objection: its dates and materials, the decision, procedures completed or the waiver. */
export default function ObjectionDetail() {
  const { id = '' } = useParams();
  const { t, language } = useLanguage();
  const e = t.enforcement;
  const session = useSession();
  const objection = useObjection(id);
  const o = objection.data;
  if (objection.error instanceof ApiError && objection.error.status === 404) return <NotFound />;
  if (!o)
    return (
      <Page title={e.objectionsTitle}>
        <ErrorAlert error={objection.error} />
        {!objection.error ? <Typography.Text>{t.common.loading}</Typography.Text> : null}
      </Page>
    );
  const officer = session.roles.includes('enforcement-officer');
  const approver = session.roles.includes('approver');
  const filedOn = shanghaiDate(o.filedAt, 'zh-CN').replaceAll('/', '-');
  return (
    // The batch number alone: a 390 px phone shows it whole (the applicant is in the facts below).
    <Page title={o.batchNumber} extra={<ObjectionStatusTag status={o.status} />}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Link to="/enforcement/objections">{e.back}</Link>
        {o.status === 'refused' ? (
          <Alert
            type="error"
            showIcon
            data-testid="refused-dates"
            message={fill(e.refusedBoth, { last: o.windowLastDay, filed: filedOn })}
          />
        ) : null}
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="objection-facts">
            <Descriptions.Item label={e.batch}>
              <Link to={`/enforcement/notices?batchNumber=${o.batchNumber}`}>{o.batchNumber}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={e.applicantRole}>
              {e.applicantRoles[o.applicantRole as keyof typeof e.applicantRoles] ?? o.applicantRole}
            </Descriptions.Item>
            <Descriptions.Item label={e.applicantName}>{o.applicantName}</Descriptions.Item>
            <Descriptions.Item label={e.uscc}>{o.applicantUnifiedSocialCreditCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={e.noticeReceivedAt}>
              {shanghaiTime(o.noticeReceivedAt, language)}
            </Descriptions.Item>
            <Descriptions.Item label={e.windowLastDay}>{o.windowLastDay}</Descriptions.Item>
            <Descriptions.Item label={e.filedAt}>{shanghaiTime(o.filedAt, language)}</Descriptions.Item>
            <Descriptions.Item label={e.decidedAt}>{shanghaiTime(o.decidedAt, language)}</Descriptions.Item>
            <Descriptions.Item label={e.decisionReason}>{o.decisionReason ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={e.reinspectionLab}>{o.reinspectionLabName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={e.completeBy}>{shanghaiTime(o.completeBy, language)}</Descriptions.Item>
            <Descriptions.Item label={e.proceduresCompleted}>
              {shanghaiTime(o.proceduresCompletedAt, language)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{e.materials}</h2>} data-testid="materials">
          {o.materials ? (
            // Rows that wrap, not a label column: the longest item and its tag fit a 390 px phone.
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              {ITEMS.map((i) => (
                <Space key={i} wrap size={8}>
                  <span>{e.materialItems[i]}</span>
                  <Tag color={o.materials?.[i] === 'received' ? 'green' : 'red'}>
                    {e.materialStates[o.materials?.[i] ?? 'missing']}
                  </Tag>
                </Space>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">{e.notRecorded}</Typography.Text>
          )}
        </Card>
        {o.status === 'filed' ? (
          approver ? (
            <DecisionForm objection={o} />
          ) : (
            <Alert type="info" showIcon message={e.approverOnly} />
          )
        ) : null}
        {o.status === 'approved' && officer ? <ProceduresForm objection={o} /> : null}
        {o.status === 'approved' && officer ? <WaiverForm objection={o} /> : null}
      </Space>
    </Page>
  );
}

function useDone() {
  const queries = useQueryClient();
  const { message } = App.useApp();
  return (text: string) => {
    void message.success(text);
    void queries.invalidateQueries({ queryKey: ['enforcement'] });
  };
}

const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

function DecisionForm({ objection }: { objection: Objection }) {
  const { t } = useLanguage();
  const e = t.enforcement;
  const done = useDone();
  const decide = useMutation({
    mutationFn: (v: { approve: boolean; reason: string }) =>
      unwrap(
        api.enforcement.POST('/objections/{id}/decision', {
          params: { path: { id: objection.id } },
          body: { approve: v.approve, reason: v.reason.trim() },
        }),
      ),
    onSuccess: () => done(e.decided),
  });
  return (
    <Card title={heading(e.decision)} data-testid="decision-form">
      <ErrorAlert error={decide.error} />
      <Form
        layout="vertical"
        name="decision"
        initialValues={{ approve: true }}
        onFinish={(v) => decide.mutate(v)}
      >
        <Form.Item name="approve" label={e.decision}>
          <Radio.Group
            options={[
              { value: true, label: e.approve },
              { value: false, label: e.reject },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label={e.decisionReason} rules={[{ required: true, message: e.required }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={decide.isPending}>
          {e.decision}
        </Button>
      </Form>
    </Card>
  );
}

function ProceduresForm({ objection }: { objection: Objection }) {
  const { t } = useLanguage();
  const e = t.enforcement;
  const done = useDone();
  const complete = useMutation({
    mutationFn: (v: { completedAt: string }) =>
      unwrap(
        api.enforcement.POST('/objections/{id}/procedures-completed', {
          params: { path: { id: objection.id } },
          body: { completedAt: fromBeijingInput(v.completedAt) },
        }),
      ),
    onSuccess: () => done(e.proceduresRecorded),
  });
  return (
    <Card title={heading(e.proceduresCompleted)}>
      <ErrorAlert error={complete.error} />
      <Form
        layout="vertical"
        name="procedures"
        initialValues={{ completedAt: beijingInput(new Date()) }}
        onFinish={(v) => complete.mutate(v)}
      >
        <Form.Item
          name="completedAt"
          label={`${e.completedAt} ${e.whenShanghai}`}
          rules={[{ required: true }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={complete.isPending}>
          {e.recordProcedures}
        </Button>
      </Form>
    </Card>
  );
}

function WaiverForm({ objection }: { objection: Objection }) {
  const { t } = useLanguage();
  const e = t.enforcement;
  const done = useDone();
  const waive = useMutation({
    mutationFn: (v: { declaredAt: string; reason: string }) =>
      unwrap(
        api.enforcement.POST('/objections/{id}/waiver', {
          params: { path: { id: objection.id } },
          body: { declaredAt: fromBeijingInput(v.declaredAt), reason: v.reason.trim() },
        }),
      ),
    onSuccess: () => done(e.waiverRecorded),
  });
  return (
    <Card title={heading(e.waiver)}>
      <ErrorAlert error={waive.error} />
      <Form
        layout="vertical"
        name="waiver"
        initialValues={{ declaredAt: beijingInput(new Date()) }}
        onFinish={(v) => waive.mutate(v)}
      >
        <Form.Item name="declaredAt" label={`${e.declaredAt} ${e.whenShanghai}`} rules={[{ required: true }]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="reason" label={e.waiverReason} rules={[{ required: true, message: e.required }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Button danger htmlType="submit" loading={waive.isPending}>
          {e.recordWaiver}
        </Button>
      </Form>
    </Card>
  );
}
