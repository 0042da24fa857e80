import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { fill, useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiDate, shanghaiTime } from '../../shared/time';
import { NotFound } from '../status-pages';
import {
  beijingInput,
  fromBeijingInput,
  noticeState,
  useNotice,
  useNotices,
  type Notice,
} from './enforcement-api';
import { DeliveryFields, DELIVERY_CHANNELS, FailureFields, FAILURE_REASONS } from './delivery-fields';
import { NoticeStateTag } from './notice-state';
import { PdfPreview } from './pdf-preview';

/** The default instant of a form: now, but never before the notice was issued. */
const defaultAt = (n: Notice) => beijingInput(new Date(Math.max(Date.now(), new Date(n.issuedAt).getTime())));

/** One notice: its PDF, its delivery record, and the forms that record delivery or its failure. */
export default function NoticeDetail() {
  const { id = '' } = useParams();
  const { t, language } = useLanguage();
  const e = t.enforcement;
  const session = useSession();
  const notice = useNotice(id);
  const n = notice.data;
  const replacement = useNotices({ batchNumber: n?.batchNumber, state: 'public-notice', page: 1 });
  if (notice.error instanceof ApiError && notice.error.status === 404) return <NotFound />;
  if (!n)
    return (
      <Page title={e.noticesTitle}>
        <ErrorAlert error={notice.error} />
        {!notice.error ? <Typography.Text>{t.common.loading}</Typography.Text> : null}
      </Page>
    );
  const state = noticeState(n);
  const officer = session.roles.includes('enforcement-officer');
  const replacedBy = (replacement.data?.items ?? []).find((p) => p.replacesNoticeId === n.id);
  const deliverable = officer && ['unsent', 'awaiting-receipt'].includes(state);
  const failable = deliverable && n.kind !== 'sampling' && n.recipient !== 'platform';
  return (
    // The number alone: a 390 px phone shows it whole (the kind is the first fact below).
    <Page title={n.noticeNumber} extra={<NoticeStateTag notice={n} />}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Link to="/enforcement/notices">{e.back}</Link>
        {n.deliveryFailedAt ? (
          <Alert
            type="warning"
            showIcon
            data-testid="delivery-failed"
            message={fill(e.failedInfo, {
              at: shanghaiTime(n.deliveryFailedAt, language),
              reason: e.failureReasons[n.deliveryFailureReason as keyof typeof e.failureReasons] ?? '',
              notice: replacedBy?.noticeNumber ?? '',
            })}
            action={
              replacedBy ? (
                <Link to={`/enforcement/notices/${replacedBy.id}`}>{e.viewReplacement}</Link>
              ) : null
            }
          />
        ) : null}
        {n.replacesNoticeId ? (
          <Alert
            type="info"
            showIcon
            message={e.replacesInfo}
            action={<Link to={`/enforcement/notices/${n.replacesNoticeId}`}>{e.viewReplaced}</Link>}
          />
        ) : null}
        {n.receiptPendingAt ? (
          <Alert
            type="warning"
            showIcon
            message={fill(e.receiptPending, {
              at: shanghaiTime(n.receiptPendingAt, language),
              by: n.receiptRecordedBy ?? '',
              reason: n.receiptReason ?? '',
            })}
          />
        ) : null}
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="notice-facts">
            <Descriptions.Item label={e.noticeKind}>
              {e.noticeKinds[n.kind as keyof typeof e.noticeKinds] ?? n.kind}
            </Descriptions.Item>
            <Descriptions.Item label={e.batch}>
              <Link to={`/batches/${n.batchNumber}`}>{n.batchNumber}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={e.recipient}>
              {`${e.recipients[n.recipient as keyof typeof e.recipients] ?? n.recipient} · ${n.recipientName}`}
            </Descriptions.Item>
            <Descriptions.Item label={e.address}>{n.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={e.channel}>
              {e.channels[n.channel as keyof typeof e.channels] ?? n.channel}
            </Descriptions.Item>
            <Descriptions.Item label={e.reportNumber}>{n.reportNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={e.issuedAt}>{shanghaiTime(n.issuedAt, language)}</Descriptions.Item>
            <Descriptions.Item label={e.dueAt}>{shanghaiDate(n.dueAt, language)}</Descriptions.Item>
            <Descriptions.Item label={e.sentAt}>{shanghaiTime(n.sentAt, language)}</Descriptions.Item>
            <Descriptions.Item label={e.receivedAt}>{shanghaiTime(n.receivedAt, language)}</Descriptions.Item>
          </Descriptions>
        </Card>
        {deliverable ? <DeliveryForm notice={n} /> : null}
        {n.receiptPendingAt && officer && n.receiptRecordedBy !== session.username ? (
          <ConfirmReceipt notice={n} />
        ) : null}
        {failable ? <FailureForm notice={n} /> : null}
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{e.preview}</h2>}>
          <PdfPreview id={n.id} noticeNumber={n.noticeNumber} />
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{e.content}</h2>}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {n.content}
          </Typography.Paragraph>
        </Card>
      </Space>
    </Page>
  );
}

function useRefresh() {
  const queries = useQueryClient();
  const { message } = App.useApp();
  return (text: string) => {
    void message.success(text);
    void queries.invalidateQueries({ queryKey: ['enforcement'] });
  };
}

interface DeliveryValues {
  channel: string;
  sentAt: string;
  receivedAt?: string;
  receiptReason?: string;
}

function DeliveryForm({ notice }: { notice: Notice }) {
  const { t } = useLanguage();
  const e = t.enforcement;
  const refresh = useRefresh();
  const [form] = Form.useForm<DeliveryValues>();
  const deliver = useMutation({
    mutationFn: (v: DeliveryValues) =>
      unwrap(
        api.enforcement.POST('/notices/{id}/delivery', {
          params: { path: { id: notice.id } },
          body: {
            channel: v.channel as (typeof DELIVERY_CHANNELS)[number],
            sentAt: fromBeijingInput(v.sentAt),
            ...(v.receivedAt ? { receivedAt: fromBeijingInput(v.receivedAt) } : {}),
            ...(v.receiptReason?.trim() ? { receiptReason: v.receiptReason.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => refresh(e.deliveryRecorded),
  });
  const at = defaultAt(notice);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{e.delivery}</h2>} data-testid="delivery-form">
      <Typography.Paragraph type="secondary">{e.deliveryNote}</Typography.Paragraph>
      {!notice.evidenceObjectId ? (
        <Alert
          type="info"
          showIcon
          data-testid="pdf-not-stored"
          message={e.pdfNotStored}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <ErrorAlert error={deliver.error} />
      <Form<DeliveryValues>
        form={form}
        layout="vertical"
        name="delivery"
        initialValues={{
          channel: DELIVERY_CHANNELS.includes(notice.channel as (typeof DELIVERY_CHANNELS)[number])
            ? notice.channel
            : 'post',
          sentAt: notice.sentAt ? beijingInput(new Date(notice.sentAt)) : at,
          receivedAt: at,
        }}
        onFinish={(v) => deliver.mutate(v)}
      >
        <DeliveryFields />
        <Button type="primary" htmlType="submit" loading={deliver.isPending}>
          {e.recordDelivery}
        </Button>
      </Form>
    </Card>
  );
}

function ConfirmReceipt({ notice }: { notice: Notice }) {
  const { t } = useLanguage();
  const refresh = useRefresh();
  const confirm = useMutation({
    mutationFn: () =>
      unwrap(
        api.enforcement.POST('/notices/{id}/receipt-confirmation', {
          params: { path: { id: notice.id } },
          body: { receivedAt: notice.receiptPendingAt as string },
        }),
      ),
    onSuccess: () => refresh(t.enforcement.receiptConfirmed),
  });
  return (
    <Card>
      <ErrorAlert error={confirm.error} />
      <Button type="primary" onClick={() => confirm.mutate()} loading={confirm.isPending}>
        {t.enforcement.confirmReceipt}
      </Button>
    </Card>
  );
}

interface FailureValues {
  reason: (typeof FAILURE_REASONS)[number];
  sentAt?: string;
  failedAt: string;
  note?: string;
}

function FailureForm({ notice }: { notice: Notice }) {
  const { t } = useLanguage();
  const e = t.enforcement;
  const refresh = useRefresh();
  const fail = useMutation({
    mutationFn: (v: FailureValues) =>
      unwrap(
        api.enforcement.POST('/notices/{id}/delivery-failure', {
          params: { path: { id: notice.id } },
          body: {
            reason: v.reason,
            failedAt: fromBeijingInput(v.failedAt),
            ...(v.sentAt ? { sentAt: fromBeijingInput(v.sentAt) } : {}),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => refresh(e.failureRecorded),
  });
  const at = defaultAt(notice);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{e.failure}</h2>} data-testid="failure-form">
      <Typography.Paragraph type="secondary">{e.failureNote}</Typography.Paragraph>
      <ErrorAlert error={fail.error} />
      <Form<FailureValues>
        layout="vertical"
        name="failure"
        initialValues={{
          reason: 'returned',
          sentAt: notice.sentAt ? beijingInput(new Date(notice.sentAt)) : at,
          failedAt: at,
        }}
        onFinish={(v) => fail.mutate(v)}
      >
        <FailureFields />
        <Button danger htmlType="submit" loading={fail.isPending}>
          {e.recordFailure}
        </Button>
      </Form>
    </Card>
  );
}
