import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  ConfigProvider,
  Descriptions,
  Form,
  Input,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { fill, useLanguage } from '../../i18n/language';
import { Actor } from '../../shared/actor';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiDate, shanghaiTime } from '../../shared/time';
import { DANGER_THEME } from '../disclosure-admin/disclosure-api';
import { NotFound } from '../status-pages';
import {
  beijingInput,
  fromBeijingInput,
  objectionChecklistPdf,
  useObjection,
  type Objection,
} from './enforcement-api';
import { saveBlob } from './delivery-fields';
import { LabNotices } from './lab-notices';
import { ObjectionStatusTag } from './objection-status';

/**
 * One objection: its dates, the materials checklist kept up to date before the decision, a
 * back-dated filing's second-officer confirmation, the decision, procedures completed or the waiver.
 */
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
    <Page
      title={o.batchNumber}
      extra={<ObjectionStatusTag status={o.status} awaiting={o.filingAwaitingConfirmation} />}
    >
      {/* The waiver and failure buttons in a red with 4.5:1 contrast on white (axe). */}
      <ConfigProvider theme={DANGER_THEME}>
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
              <Descriptions.Item label={e.uscc}>
                {o.applicantUnifiedSocialCreditCode ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={e.objectionChecklist.agent}>
                {o.agentName ?? e.objectionChecklist.agentNone}
              </Descriptions.Item>
              <Descriptions.Item label={e.noticeReceivedAt}>
                {shanghaiTime(o.noticeReceivedAt, language)}
              </Descriptions.Item>
              <Descriptions.Item label={e.windowLastDay}>{o.windowLastDay}</Descriptions.Item>
              <Descriptions.Item label={e.filedAt}>{shanghaiTime(o.filedAt, language)}</Descriptions.Item>
              {o.filingConfirmedBy ? (
                <Descriptions.Item label={e.objectionChecklist.confirmedBy}>
                  <Actor id={o.filingConfirmedBy} />
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={e.decidedAt}>{shanghaiTime(o.decidedAt, language)}</Descriptions.Item>
              <Descriptions.Item label={e.decisionReason}>{o.decisionReason ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={e.reinspectionLab}>{o.reinspectionLabName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={e.completeBy}>
                {shanghaiTime(o.completeBy, language)}
              </Descriptions.Item>
              <Descriptions.Item label={e.proceduresCompleted}>
                {shanghaiTime(o.proceduresCompletedAt, language)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {o.filingAwaitingConfirmation ? <FilingConfirmation objection={o} officer={officer} /> : null}
          <Checklist objection={o} officer={officer} />
          {o.status === 'filed' && !o.filingAwaitingConfirmation ? (
            approver ? (
              <DecisionForm objection={o} />
            ) : (
              <Alert type="info" showIcon message={e.approverOnly} />
            )
          ) : null}
          {o.proceduresPeriod ? <LabNotices objection={o} officer={officer} /> : null}
          {o.status === 'approved' && officer ? <ProceduresForm objection={o} /> : null}
          {o.status === 'approved' && officer ? <WaiverForm objection={o} /> : null}
        </Space>
      </ConfigProvider>
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
  const [approve, setApprove] = useState(true);
  const missing = objection.missingMaterials;
  // Approving needs every required item received (the service answers 422 otherwise).
  const blocked = approve && missing.length > 0;
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
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="decision-missing"
          style={{ marginBottom: 12 }}
          message={e.objectionChecklist.missingBlocks}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {missing.map((i) => (
                <li key={i}>{e.materialItems[i]}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form
        layout="vertical"
        name="decision"
        initialValues={{ approve: true }}
        onValuesChange={(changed: { approve?: boolean }) => {
          if (changed.approve !== undefined) setApprove(changed.approve);
        }}
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
        <Button type="primary" htmlType="submit" loading={decide.isPending} disabled={blocked}>
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

/** The materials checklist: each item's state, when received and by whom; officers mark late items received. */
function Checklist({ objection: o, officer }: { objection: Objection; officer: boolean }) {
  const { t, language } = useLanguage();
  const e = t.enforcement;
  const c = e.objectionChecklist;
  const [editing, setEditing] = useState<string>();
  const [pdfError, setPdfError] = useState<unknown>();
  // Items can be recorded until the decision: afterwards the checklist stays as it was decided on.
  const open = o.status === 'filed';
  const download = async () => {
    setPdfError(undefined);
    try {
      saveBlob(await objectionChecklistPdf(o.id), `objection-${o.id}-materials.pdf`);
    } catch (error) {
      setPdfError(error);
    }
  };
  return (
    <Card
      title={heading(e.materials)}
      data-testid="materials"
      extra={
        // Icon and "PDF" only, named in full for assistive technology: on a 390 px phone a longer
        // label hid the card's title.
        <Button
          size="small"
          icon={<DownloadOutlined />}
          aria-label={c.pdf}
          title={c.pdf}
          onClick={() => void download()}
          data-testid="checklist-pdf"
        >
          PDF
        </Button>
      }
    >
      <ErrorAlert error={pdfError} />
      {/* Rows that wrap, not a label column: the longest item and its tags fit a 390 px phone. */}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {o.checklist.map((m) => (
          <li
            key={m.item}
            data-testid={`material-${m.item}`}
            style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <Space wrap size={8}>
              <span>{e.materialItems[m.item]}</span>
              <Tag color={m.state === 'received' ? 'green' : m.required ? 'red' : 'default'}>
                {e.materialStates[m.state as 'received' | 'missing']}
              </Tag>
              <Typography.Text type="secondary">{m.required ? c.required : c.optional}</Typography.Text>
            </Space>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.receivedAt
                  ? fill(c.receivedOn, { date: shanghaiTime(m.receivedAt, language) })
                  : fill(c.missingSince, { date: shanghaiTime(m.recordedAt, language) })}
                {' · '}
                {c.recordedBy} <Actor id={m.recordedBy} />
              </Typography.Text>
            </div>
            {open && officer && m.state !== 'received' ? (
              editing === m.item ? (
                <MaterialForm objection={o} item={m.item} onClose={() => setEditing(undefined)} />
              ) : (
                <Button size="small" style={{ marginTop: 4 }} onClick={() => setEditing(m.item)}>
                  {c.markReceived}
                </Button>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {o.missingMaterials.length === 0 ? <Typography.Text strong>{c.complete}</Typography.Text> : null}
    </Card>
  );
}

function MaterialForm({
  objection,
  item,
  onClose,
}: {
  objection: Objection;
  item: Objection['checklist'][number]['item'];
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const e = t.enforcement;
  const c = e.objectionChecklist;
  const done = useDone();
  const record = useMutation({
    mutationFn: (v: { receivedAt: string; note?: string }) =>
      unwrap(
        api.enforcement.POST('/objections/{id}/materials', {
          params: { path: { id: objection.id } },
          body: {
            item,
            receivedAt: fromBeijingInput(v.receivedAt),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => {
      done(c.recorded);
      onClose();
    },
  });
  return (
    <div data-testid={`material-form-${item}`} style={{ marginTop: 8 }}>
      <ErrorAlert error={record.error} />
      <Form
        layout="vertical"
        name={`material-${item}`}
        initialValues={{ receivedAt: beijingInput(new Date()) }}
        onFinish={(v) => record.mutate(v)}
      >
        <Form.Item
          name="receivedAt"
          label={`${c.receivedAt} ${e.whenShanghai}`}
          rules={[{ required: true, message: e.required }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="note" label={c.note}>
          <Input maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            {c.save}
          </Button>
          <Button onClick={onClose}>{c.cancel}</Button>
        </Space>
      </Form>
    </div>
  );
}

/** A filing dated before the day it was recorded: a second officer confirms it (never the one who recorded it). */
function FilingConfirmation({ objection: o, officer }: { objection: Objection; officer: boolean }) {
  const { t, language } = useLanguage();
  const e = t.enforcement;
  const c = e.objectionChecklist;
  const session = useSession();
  const done = useDone();
  const confirm = useMutation({
    mutationFn: (v: { note?: string }) =>
      unwrap(
        api.enforcement.POST('/objections/{id}/filing-confirmation', {
          params: { path: { id: o.id } },
          body: { filedAt: o.filedAt, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
        }),
      ),
    onSuccess: () => done(c.confirmed),
  });
  const own = o.filingRecordedBy === session.subject;
  return (
    <Card title={heading(c.confirm)} data-testid="filing-pending">
      <Alert
        type="warning"
        showIcon
        message={fill(c.pending, { date: shanghaiTime(o.filedAt, language) })}
        description={
          <>
            <div>{fill(c.pendingBy, { reason: o.filingReason ?? '—' })}</div>
            <div>
              {c.recordedBy} <Actor id={o.filingRecordedBy} />
            </div>
          </>
        }
      />
      {officer ? (
        own ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {c.ownFiling}
          </Typography.Paragraph>
        ) : (
          <>
            <ErrorAlert error={confirm.error} />
            <Form layout="vertical" name="filing-confirmation" onFinish={(v) => confirm.mutate(v)}>
              <Form.Item name="note" label={c.confirmNote} style={{ marginTop: 12 }}>
                <Input maxLength={500} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={confirm.isPending}>
                {c.confirm}
              </Button>
            </Form>
          </>
        )
      ) : null}
    </Card>
  );
}
