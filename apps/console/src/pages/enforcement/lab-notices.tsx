import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { fill, useLanguage } from '../../i18n/language';
import { Actor } from '../../shared/actor';
import { ErrorAlert } from '../../shared/errors';
import { shanghaiTime } from '../../shared/time';
import {
  DeliveryFields,
  FailureFields,
  saveBlob,
  type DELIVERY_CHANNELS,
  type FAILURE_REASONS,
} from './delivery-fields';
import {
  beijingInput,
  fromBeijingInput,
  labNoticePdf,
  labNoticeState,
  useLabNotices,
  type LabNotice,
  type Objection,
} from './enforcement-api';

const STATE_COLOR = {
  unsent: 'default',
  'awaiting-receipt': 'blue',
  'receipt-pending': 'orange',
  received: 'green',
  failed: 'red',
} as const;

/**
 * Now, but never before the notice was issued: rounded up to the minute the form shows (rounded
 * down, a notice issued this minute would read as sent before it was made; the service takes up to
 * a minute ahead as now).
 */
const defaultAt = (n: LabNotice) =>
  beijingInput(new Date(Math.ceil(Math.max(Date.now(), Date.parse(n.issuedAt)) / 60_000) * 60_000));

const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

function useDone() {
  const queries = useQueryClient();
  const { message } = App.useApp();
  return (text: string) => {
    void message.success(text);
    void queries.invalidateQueries({ queryKey: ['enforcement'] });
  };
}

/**
 * The 《复检机构确定通知书》 of an approved re-inspection: to the applicant and to the lab, each with its
 * delivery record. The 7 days for the procedures run from the applicant's receipt: until it is on
 * record the period is pending, and the card says so.
 */
export function LabNotices({ objection: o, officer }: { objection: Objection; officer: boolean }) {
  const { t, language } = useLanguage();
  const l = t.enforcement.labNotices;
  const notices = useLabNotices(o.id);
  const current = (notices.data ?? []).filter((n) => !n.supersededAt);
  const period = o.proceduresPeriod;
  const received = shanghaiTime(o.labNoticeReceivedAt, language);
  return (
    <Card title={heading(l.title)} data-testid="lab-notices">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {period === 'awaiting-receipt' ? (
          <Alert type="warning" showIcon data-testid="procedures-pending" message={l.periodAwaitingReceipt} />
        ) : period === 'running' ? (
          <Alert
            type="info"
            showIcon
            data-testid="procedures-running"
            message={fill(l.periodRunning, { date: received, due: shanghaiTime(o.completeBy, language) })}
          />
        ) : period === 'awaiting-calendar' ? (
          <Alert type="warning" showIcon message={fill(l.periodAwaitingCalendar, { date: received })} />
        ) : period === 'awaiting-lab' ? (
          <Alert type="info" showIcon message={l.periodAwaitingLab} />
        ) : period === 'ended' ? (
          <Typography.Text type="secondary">{l.periodEnded}</Typography.Text>
        ) : null}
        <ErrorAlert error={notices.error} />
        {current.length === 0 && !notices.isLoading ? (
          <Typography.Text type="secondary">{l.none}</Typography.Text>
        ) : null}
        {current.map((n) => (
          <LabNoticeItem key={n.id} notice={n} officer={officer} />
        ))}
      </Space>
    </Card>
  );
}

function LabNoticeItem({ notice: n, officer }: { notice: LabNotice; officer: boolean }) {
  const { t, language } = useLanguage();
  const e = t.enforcement;
  const l = e.labNotices;
  const session = useSession();
  const [open, setOpen] = useState<'delivery' | 'failure'>();
  const [pdfError, setPdfError] = useState<unknown>();
  const state = labNoticeState(n);
  const download = async () => {
    setPdfError(undefined);
    try {
      saveBlob(await labNoticePdf(n.id), `${n.noticeNumber}.pdf`);
    } catch (error) {
      setPdfError(error);
    }
  };
  const deliverable = officer && (state === 'unsent' || state === 'awaiting-receipt' || state === 'failed');
  return (
    <div data-testid={`lab-notice-${n.recipient}`} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
      <Space wrap size={8}>
        <Typography.Text strong>
          {l.recipients[n.recipient as keyof typeof l.recipients]} · {n.recipientName}
        </Typography.Text>
        <Tag color={STATE_COLOR[state]}>{l.states[state]}</Tag>
      </Space>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
          {l.number} {n.noticeNumber}
          {n.sentAt ? ` · ${l.sent} ${shanghaiTime(n.sentAt, language)}` : ''}
          {n.channel ? ` · ${e.channels[n.channel as keyof typeof e.channels] ?? n.channel}` : ''}
          {n.receivedAt ? ` · ${l.received} ${shanghaiTime(n.receivedAt, language)}` : ''}
          {n.receivedBy ? ` · ${l.receivedBy} ${n.receivedBy}` : ''}
          {n.deliveryFailedAt
            ? ` · ${l.failed} ${shanghaiTime(n.deliveryFailedAt, language)}（${
                e.failureReasons[n.deliveryFailureReason as keyof typeof e.failureReasons] ??
                n.deliveryFailureReason
              }）`
            : ''}
        </Typography.Text>
      </div>
      {!n.evidenceObjectId ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {l.notStored}
        </Typography.Paragraph>
      ) : null}
      <ErrorAlert error={pdfError} />
      <Space wrap style={{ marginTop: 8 }}>
        <Button size="small" onClick={() => void download()} data-testid={`lab-notice-pdf-${n.recipient}`}>
          {l.pdf}
        </Button>
        {deliverable ? (
          <Button size="small" type="primary" onClick={() => setOpen('delivery')}>
            {l.record}
          </Button>
        ) : null}
        {deliverable && state !== 'failed' ? (
          <Button size="small" onClick={() => setOpen('failure')}>
            {l.recordFailure}
          </Button>
        ) : null}
      </Space>
      {state === 'receipt-pending' && officer && n.receiptRecordedBy !== session.subject ? (
        <ConfirmLabReceipt notice={n} />
      ) : null}
      {open === 'delivery' ? <LabDeliveryForm notice={n} onClose={() => setOpen(undefined)} /> : null}
      {open === 'failure' ? <LabFailureForm notice={n} onClose={() => setOpen(undefined)} /> : null}
      {state === 'receipt-pending' ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
          {shanghaiTime(n.receiptPendingAt, language)} · {n.receiptReason ?? '—'} ·{' '}
          {e.objectionChecklist.recordedBy} <Actor id={n.receiptRecordedBy} />
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

interface DeliveryValues {
  channel: (typeof DELIVERY_CHANNELS)[number];
  sentAt: string;
  receivedAt?: string;
  receivedBy?: string;
  receiptReason?: string;
}

function LabDeliveryForm({ notice, onClose }: { notice: LabNotice; onClose: () => void }) {
  const { t } = useLanguage();
  const e = t.enforcement;
  const l = e.labNotices;
  const done = useDone();
  const deliver = useMutation({
    mutationFn: (v: DeliveryValues) =>
      unwrap(
        api.enforcement.POST('/reinspection-lab-notices/{id}/delivery', {
          params: { path: { id: notice.id } },
          body: {
            channel: v.channel,
            sentAt: fromBeijingInput(v.sentAt),
            ...(v.receivedAt ? { receivedAt: fromBeijingInput(v.receivedAt) } : {}),
            ...(v.receivedBy?.trim() ? { receivedBy: v.receivedBy.trim() } : {}),
            ...(v.receiptReason?.trim() ? { receiptReason: v.receiptReason.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => {
      done(l.recorded);
      onClose();
    },
  });
  const at = defaultAt(notice);
  return (
    <div data-testid={`lab-delivery-form-${notice.recipient}`} style={{ marginTop: 8 }}>
      <Typography.Paragraph type="secondary">{e.deliveryNote}</Typography.Paragraph>
      <ErrorAlert error={deliver.error} />
      <Form<DeliveryValues>
        layout="vertical"
        name={`lab-delivery-${notice.recipient}`}
        initialValues={{
          channel: notice.channel ?? 'post',
          sentAt: notice.sentAt && !notice.deliveryFailedAt ? beijingInput(new Date(notice.sentAt)) : at,
          receivedAt: at,
        }}
        onFinish={(v) => deliver.mutate(v)}
      >
        <DeliveryFields
          extra={
            <Form.Item name="receivedBy" label={l.receivedByHint}>
              <Input maxLength={200} />
            </Form.Item>
          }
        />
        <Space>
          <Button type="primary" htmlType="submit" loading={deliver.isPending}>
            {l.record}
          </Button>
          <Button onClick={onClose}>{e.objectionChecklist.cancel}</Button>
        </Space>
      </Form>
    </div>
  );
}

interface FailureValues {
  reason: (typeof FAILURE_REASONS)[number];
  sentAt?: string;
  failedAt: string;
  note?: string;
}

function LabFailureForm({ notice, onClose }: { notice: LabNotice; onClose: () => void }) {
  const { t } = useLanguage();
  const e = t.enforcement;
  const l = e.labNotices;
  const done = useDone();
  const fail = useMutation({
    mutationFn: (v: FailureValues) =>
      unwrap(
        api.enforcement.POST('/reinspection-lab-notices/{id}/delivery-failure', {
          params: { path: { id: notice.id } },
          body: {
            reason: v.reason,
            failedAt: fromBeijingInput(v.failedAt),
            ...(v.sentAt ? { sentAt: fromBeijingInput(v.sentAt) } : {}),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => {
      done(l.failureRecorded);
      onClose();
    },
  });
  const at = defaultAt(notice);
  return (
    <div data-testid={`lab-failure-form-${notice.recipient}`} style={{ marginTop: 8 }}>
      <ErrorAlert error={fail.error} />
      <Form<FailureValues>
        layout="vertical"
        name={`lab-failure-${notice.recipient}`}
        initialValues={{
          reason: 'returned',
          sentAt: notice.sentAt ? beijingInput(new Date(notice.sentAt)) : at,
          failedAt: at,
        }}
        onFinish={(v) => fail.mutate(v)}
      >
        <FailureFields />
        <Space>
          <Button danger htmlType="submit" loading={fail.isPending}>
            {l.recordFailure}
          </Button>
          <Button onClick={onClose}>{e.objectionChecklist.cancel}</Button>
        </Space>
      </Form>
    </div>
  );
}

function ConfirmLabReceipt({ notice }: { notice: LabNotice }) {
  const { t } = useLanguage();
  const l = t.enforcement.labNotices;
  const done = useDone();
  const confirm = useMutation({
    mutationFn: () =>
      unwrap(
        api.enforcement.POST('/reinspection-lab-notices/{id}/receipt-confirmation', {
          params: { path: { id: notice.id } },
          body: { receivedAt: notice.receiptPendingAt as string },
        }),
      ),
    onSuccess: () => done(l.confirmed),
  });
  return (
    <div style={{ marginTop: 8 }}>
      <ErrorAlert error={confirm.error} />
      <Button size="small" type="primary" loading={confirm.isPending} onClick={() => confirm.mutate()}>
        {l.confirm}
      </Button>
    </div>
  );
}
