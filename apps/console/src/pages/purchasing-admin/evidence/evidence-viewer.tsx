import { LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Grid,
  Input,
  Modal,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError, unwrap } from '../../../api/client';
import { hasAnyRole, useSession } from '../../../auth/session';
import { useLanguage } from '../../../i18n/language';
import { ErrorAlert } from '../../../shared/errors';
import { Page } from '../../../shared/page';
import { fetchPdf } from '../../../shared/pdf/pdf-js';
import { PdfViewer } from '../../../shared/pdf/pdf-viewer';
import { shanghaiDate, shanghaiTime } from '../../../shared/time';
import { retry, type CustodyTrail, type EvidenceObject, type ViewTicket } from '../admin-api';
import { VerifyCustody } from './verify-custody';
import { CUSTODY_VERIFIERS, humanSize, IDENTITY_BEARING, needsPurpose, sameOrigin } from './viewer-api';
import { Table } from '../../../shared/table';

/** Asks why identity-bearing evidence is opened; the services audit the purpose with each read. */
function PurposeDialog({
  open,
  kind,
  onPurpose,
  onCancel,
}: {
  open: boolean;
  kind: string;
  onPurpose: (purpose: string) => void;
  onCancel: () => void;
}) {
  const { t } = useLanguage();
  const p = t.purchasingAdmin;
  const [form] = Form.useForm<{ purpose: string }>();
  return (
    <Modal
      open={open}
      title={`${p.purposeTitle} · ${kind}`}
      okText={p.purposeConfirm}
      cancelText={t.common.cancel}
      onOk={() => void form.validateFields().then(({ purpose }) => onPurpose(purpose.trim()))}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        icon={<LockOutlined />}
        message={p.purposeHint}
        style={{ marginBottom: 12 }}
      />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="purpose"
          label={p.purposeLabel}
          rules={[
            { required: true, whitespace: true, message: p.purposeRequired },
            { min: 4, message: p.purposeRequired },
            { max: 500 },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} placeholder={p.purposePlaceholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The bytes, from a short-lived inline URL on the console's origin: images shown, videos streamed. */
function Preview({ object, ticket }: { object: EvidenceObject; ticket: ViewTicket }) {
  const { t } = useLanguage();
  const p = t.purchasingAdmin;
  const src = sameOrigin(ticket.url);
  const type = ticket.contentType ?? object.contentType;
  const label = object.fileName ?? object.kind;
  if (type.startsWith('image/'))
    return (
      <img
        src={src}
        alt={label}
        data-testid="evidence-image"
        style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }}
      />
    );
  if (type.startsWith('video/'))
    return (
      <video
        src={src}
        controls
        preload="metadata"
        aria-label={label}
        data-testid="evidence-video"
        style={{ width: '100%', maxHeight: '70vh', background: '#000' }}
      />
    );
  if (type === 'application/pdf')
    return (
      <PdfViewer
        documentKey={`evidence:${object.id}:${ticket.url}`}
        load={() => fetchPdf(src)}
        fileName={object.fileName ?? `${object.kind}.pdf`}
        title={label}
        testId="evidence-pdf"
      />
    );
  return <Typography.Text type="secondary">{p.noPreview}</Typography.Text>;
}

function Trail({ trail }: { trail: CustodyTrail }) {
  const { t, language } = useLanguage();
  const p = t.purchasingAdmin;
  return (
    <Table
      rowKey="seq"
      size="small"
      data-testid="custody-trail"
      dataSource={trail.entries}
      pagination={false}
      scroll={{ x: 640 }}
      columns={[
        { title: p.seq, dataIndex: 'seq', width: 70 },
        { title: p.when, width: 150, render: (_, e) => shanghaiTime(e.occurredAt, language) },
        {
          title: p.action,
          width: 120,
          render: (_, e) => <Tag>{p.custodyActions[e.action] ?? e.action}</Tag>,
        },
        { title: p.actor, width: 170, render: (_, e) => e.actor },
        { title: p.purpose, render: (_, e) => e.purpose ?? '—' },
      ]}
    />
  );
}

/**
 * One evidence object as its allowed readers see it: the file previewed or played from a short-lived
 * URL (a `view` in the custody ledger), its SHA-256 and retention, and its custody trail. A kind that
 * shows the buyer asks first for the purpose; an object the caller may not read is "not found".
 */
export default function EvidenceViewer() {
  const { t, language } = useLanguage();
  const p = t.purchasingAdmin;
  const session = useSession();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const hintedKind = search.get('kind') ?? '';
  const kinds = t.batch.evidenceKinds as Record<string, string>;
  const [purpose, setPurpose] = useState<string>();
  const [asking, setAsking] = useState(IDENTITY_BEARING.has(hintedKind));
  const [cancelled, setCancelled] = useState(false);
  const ready = !asking && !cancelled;
  const query = purpose ? { purpose } : {};

  const meta = useQuery({
    queryKey: ['evidence', 'object', id, purpose],
    enabled: ready,
    queryFn: () => unwrap(api.evidence.GET('/evidence/objects/{id}', { params: { path: { id }, query } })),
    retry,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  // Each view URL is a ledger entry: fetched once per page visit, never refreshed in the background.
  const ticket = useQuery({
    queryKey: ['evidence', 'view', id, purpose],
    enabled: meta.data?.status === 'stored',
    queryFn: () =>
      unwrap(
        api.evidence.POST('/evidence/objects/{id}/view', {
          params: { path: { id } },
          ...(purpose ? { body: { purpose } } : {}),
        }),
      ),
    retry,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const trail = useQuery({
    queryKey: ['evidence', 'custody', id, purpose],
    enabled: meta.isSuccess && (ticket.isFetched || meta.data?.status !== 'stored'),
    queryFn: () =>
      unwrap(api.evidence.GET('/evidence/objects/{id}/custody', { params: { path: { id }, query } })),
    retry,
    refetchOnWindowFocus: false,
  });

  // A kind not hinted by the link that turns out to show the buyer: the service asks for a purpose.
  useEffect(() => {
    if (needsPurpose(meta.error)) setAsking(true);
  }, [meta.error]);

  const object = meta.data;
  const kindLabel = (k: string) => kinds[k] ?? k;
  const notFound = meta.error instanceof ApiError && meta.error.status === 404;
  const title = object ? kindLabel(object.kind) : p.viewerTitle;
  const narrow = !Grid.useBreakpoint().md;

  return (
    <Page
      title={title}
      extra={
        object?.batchNumber ? <Link to={`/batches/${object.batchNumber}`}>{p.backToBatch}</Link> : undefined
      }
    >
      <PurposeDialog
        open={asking}
        kind={kindLabel(object?.kind ?? hintedKind)}
        onPurpose={(stated) => {
          setPurpose(stated);
          setAsking(false);
        }}
        onCancel={() => {
          setAsking(false);
          setCancelled(true);
        }}
      />
      {cancelled ? (
        <Alert
          type="info"
          showIcon
          message={p.purposeCancelled}
          action={
            <Button
              size="small"
              onClick={() => {
                setCancelled(false);
                setAsking(true);
              }}
            >
              {p.statePurpose}
            </Button>
          }
        />
      ) : null}
      {notFound ? (
        <Alert type="warning" showIcon role="alert" data-testid="evidence-not-found" message={p.notFound} />
      ) : needsPurpose(meta.error) ? null : (
        <ErrorAlert error={meta.error} />
      )}
      {object ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{p.preview}</h2>}>
            {ticket.isLoading ? <Skeleton active /> : null}
            <ErrorAlert error={ticket.error} />
            {ticket.data ? <Preview object={object} ticket={ticket.data} /> : null}
          </Card>
          <Card>
            <Descriptions
              column={{ xs: 1, sm: 1, md: 2 }}
              layout={narrow ? 'vertical' : 'horizontal'}
              size="small"
              bordered
              data-testid="evidence-facts"
            >
              <Descriptions.Item label={p.kind}>
                {kindLabel(object.kind)}{' '}
                {IDENTITY_BEARING.has(object.kind) ? <LockOutlined aria-label={p.purposeTitle} /> : null}
              </Descriptions.Item>
              <Descriptions.Item label={p.batchNumber}>
                {object.batchNumber ? (
                  <Link to={`/batches/${object.batchNumber}`}>{object.batchNumber}</Link>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label={p.fileName}>{object.fileName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={p.contentType}>{object.contentType}</Descriptions.Item>
              <Descriptions.Item label={p.size}>{humanSize(object.size)}</Descriptions.Item>
              <Descriptions.Item label={p.uploader}>{object.uploader}</Descriptions.Item>
              <Descriptions.Item label={p.storedAt}>
                {shanghaiTime(object.storedAt, language)}
              </Descriptions.Item>
              <Descriptions.Item label={p.retainUntil}>
                <span data-testid="retain-until">{shanghaiDate(object.retainUntil, language)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={p.sha256} span={2}>
                <Typography.Text code copyable data-testid="sha256" style={{ wordBreak: 'break-all' }}>
                  {object.sha256 ?? '—'}
                </Typography.Text>
              </Descriptions.Item>
              {ticket.data ? (
                <Descriptions.Item label={p.expiresAt} span={2}>
                  {shanghaiTime(ticket.data.expiresAt, language)}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{p.custodyTrail}</h2>}>
            {trail.isFetched ? null : <Skeleton active />}
            <ErrorAlert error={trail.error} />
            {trail.data ? <Trail trail={trail.data} /> : null}
            {object.batchNumber && hasAnyRole(session, CUSTODY_VERIFIERS) ? (
              <div style={{ marginTop: 16 }}>
                <VerifyCustody batchNumber={object.batchNumber} />
              </div>
            ) : null}
          </Card>
        </Space>
      ) : null}
    </Page>
  );
}
