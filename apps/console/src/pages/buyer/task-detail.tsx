import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, unwrap } from '../../api/client';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime, yuan } from '../../shared/time';
import { NotFound } from '../status-pages';
import {
  isOverdue,
  useDelivery,
  useTask,
  type EvidenceItem,
  type PurchaseRecord,
  type Task,
} from './buyer-api';
import { EvidencePanel } from './evidence-panel';
import { PurchaseStepsForm, recordOf, type PurchaseForm } from './purchase-form';
import { TaskStatusTag } from './task-status';
import { platformName } from '../../shared/platforms';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

const withoutEvidence = (r: PurchaseRecord): Omit<PurchaseRecord, 'evidence'> => {
  const { evidence: _evidence, ...rest } = r;
  return rest;
};

/** The platform's name as the buyer recorded it with the purchase, if recorded. */
const recordedPlatform = (purchase: Task['purchase']): string | undefined => {
  const platform = (purchase as { platform?: { name?: unknown } } | null | undefined)?.platform;
  return typeof platform?.name === 'string' ? platform.name : undefined;
};
/** The package: saved items first, then new ones, each object once. */
const merged = (saved: readonly EvidenceItem[], added: readonly EvidenceItem[]): EvidenceItem[] => [
  ...saved,
  ...added.filter((a) => !saved.some((s) => s.objectId === a.objectId)),
];

/**
 * One of the buyer's tasks: what to buy and where to ship it, the purchase record (StepsForm), the
 * evidence files, completion (refused while something is missing), shipment, or refusal. Another
 * buyer's task reads as not found, as the API answers.
 */
export default function TaskDetail() {
  const { batchNumber = '' } = useParams();
  const { t, language } = useLanguage();
  const w = t.buyerWork;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const task = useTask(batchNumber);
  const data = task.data;
  const editable = data?.status === 'assigned';
  const delivery = useDelivery(batchNumber, Boolean(data?.accountId) && data?.status !== 'shipped');
  const [added, setAdded] = useState<EvidenceItem[]>([]);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [shipment] = Form.useForm<{ carrier: string; trackingNumber: string }>();

  const setTask = (next: Task) => queries.setQueryData(['buyer', 'task', batchNumber], next);
  const refreshList = () => void queries.invalidateQueries({ queryKey: ['buyer', 'tasks'] });

  const save = useMutation({
    mutationFn: (body: PurchaseRecord) =>
      unwrap(
        api.purchasing.PUT('/tasks/{batchNumber}/purchase', { params: { path: { batchNumber } }, body }),
      ),
    onSuccess: (next, body) => {
      setTask(next);
      setAdded((all) => all.filter((a) => !body.evidence.some((e) => e.objectId === a.objectId)));
    },
  });

  // An object stored after the record was saved joins the package at once (one save at a time;
  // what arrives meanwhile goes with the next).
  const { mutate: saveNow, isPending: savePending } = save;
  useEffect(() => {
    const record = data?.purchase as PurchaseRecord | null | undefined;
    if (!record || !editable || added.length === 0 || savePending || save.isError) return;
    saveNow({ ...withoutEvidence(record), evidence: merged(data?.evidence ?? [], added) });
  }, [added, data, editable, savePending, saveNow, save.isError]);

  const onStored = useCallback((item: EvidenceItem) => setAdded((all) => [...all, item]), []);

  const onSave = async (values: PurchaseForm): Promise<boolean> => {
    try {
      await save.mutateAsync({ ...recordOf(values), evidence: merged(data?.evidence ?? [], added) });
      void message.success(w.purchaseSaved);
      return true;
    } catch {
      return false;
    }
  };

  const complete = useMutation({
    mutationFn: () =>
      unwrap(api.purchasing.POST('/tasks/{batchNumber}/completion', { params: { path: { batchNumber } } })),
    onSuccess: (next) => {
      setTask(next);
      refreshList();
      void message.success(w.completed);
    },
  });
  const ship = useMutation({
    mutationFn: (body: { carrier: string; trackingNumber: string }) =>
      unwrap(
        api.purchasing.POST('/tasks/{batchNumber}/shipment', { params: { path: { batchNumber } }, body }),
      ),
    onSuccess: (next) => {
      setTask(next);
      refreshList();
      void message.success(w.shipped);
    },
  });
  const refuse = useMutation({
    mutationFn: () =>
      unwrap(
        api.purchasing.POST('/tasks/{batchNumber}/refusal', {
          params: { path: { batchNumber } },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: () => {
      setRefusing(false);
      refreshList();
      queries.removeQueries({ queryKey: ['buyer', 'task', batchNumber] });
      void message.success(w.refused);
      void navigate('/buyer/tasks');
    },
  });

  if (task.error instanceof ApiError && task.error.status === 404) return <NotFound />;
  if (!data)
    return (
      <Page title={w.tasksTitle}>
        <ErrorAlert error={task.error} />
        {!task.error ? <Spin aria-label={t.common.loading} /> : null}
      </Page>
    );

  const record = data.purchase as PurchaseRecord | null;
  const missing: string[] = [
    ...(record ? [] : [w.missingRecord]),
    ...data.missingEvidence.map((kind) => w.kinds[kind]),
  ];
  const overCap = record ? record.unitPriceFen > data.unitPriceCapFen : false;
  const uploading = added.length > 0;

  return (
    <Page
      title={`${data.batchNumber} · ${data.listing.title}`}
      extra={<TaskStatusTag status={data.status} overdue={isOverdue(data)} />}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={h2(w.taskSection)}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="task-facts">
            <Descriptions.Item label={w.batch}>{data.batchNumber}</Descriptions.Item>
            <Descriptions.Item label={w.due}>{shanghaiTime(data.purchaseDueAt, language)}</Descriptions.Item>
            <Descriptions.Item label={w.listing}>
              <a href={data.listing.url} target="_blank" rel="noreferrer noopener">
                {data.listing.title}
              </a>
            </Descriptions.Item>
            <Descriptions.Item label={w.shop}>
              <a href={data.shop.shopUrl} target="_blank" rel="noreferrer noopener">
                {data.shop.shopName}
              </a>
            </Descriptions.Item>
            <Descriptions.Item label={w.platform}>
              <span data-testid="task-platform">
                {platformName(data.platform, language, recordedPlatform(data.purchase))}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={w.priceCap}>
              <span data-testid="price-cap">{yuan(data.unitPriceCapFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={w.quantity}>
              {w.quantityValue(data.quantity.testUnits, data.quantity.backupUnits)}
            </Descriptions.Item>
            {data.assignmentDueAt ? (
              <Descriptions.Item label={w.assignmentDue}>
                {shanghaiTime(data.assignmentDueAt, language)}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {editable ? (
            <Button style={{ marginTop: 12 }} onClick={() => setRefusing(true)}>
              {w.refuse}
            </Button>
          ) : null}
        </Card>

        {data.status !== 'shipped' ? (
          <Card title={h2(w.deliverySection)} data-testid="delivery">
            <Typography.Paragraph type="secondary">{w.deliveryHint}</Typography.Paragraph>
            {delivery.data ? (
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={w.account}>{delivery.data.accountName}</Descriptions.Item>
                <Descriptions.Item label={w.accountAlias}>{delivery.data.accountAlias}</Descriptions.Item>
                <Descriptions.Item label={w.recipient}>{delivery.data.recipientName}</Descriptions.Item>
                <Descriptions.Item label={w.phone}>{delivery.data.phone}</Descriptions.Item>
                <Descriptions.Item label={w.address} span={2}>
                  {delivery.data.addressLine} ({delivery.data.areaCode})
                </Descriptions.Item>
                {delivery.data.relay ? (
                  <Descriptions.Item label={w.address}>{w.relay}</Descriptions.Item>
                ) : null}
              </Descriptions>
            ) : delivery.error ? (
              <ErrorAlert error={delivery.error} />
            ) : (
              <Typography.Text>{delivery.isLoading ? t.common.loading : w.noDelivery}</Typography.Text>
            )}
          </Card>
        ) : null}

        {editable ? (
          <Card title={h2(w.purchaseSection)} data-testid="purchase-form">
            <ErrorAlert error={save.error} />
            <PurchaseStepsForm task={data} saving={save.isPending} onSave={onSave} />
          </Card>
        ) : null}

        <EvidencePanel
          batchNumber={data.batchNumber}
          saved={data.evidence}
          editable={editable}
          onStored={onStored}
        />

        {editable ? (
          <Card title={h2(w.completionSection)} data-testid="completion">
            <Space direction="vertical" style={{ width: '100%' }}>
              {record ? <Alert type="success" showIcon message={w.recordEntered} /> : null}
              {missing.length > 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="missing-items"
                  message={w.missingTitle}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {missing.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                    </ul>
                  }
                />
              ) : null}
              {overCap && record ? (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="over-cap"
                  message={w.overCapWarning(yuan(record.unitPriceFen), yuan(data.unitPriceCapFen))}
                />
              ) : null}
              <ErrorAlert error={complete.error} />
              <Button
                type="primary"
                disabled={missing.length > 0 || uploading}
                loading={complete.isPending}
                onClick={() => complete.mutate()}
              >
                {w.complete}
              </Button>
            </Space>
          </Card>
        ) : null}

        {data.status === 'awaiting-price-approval' && record ? (
          <Alert
            type="info"
            showIcon
            data-testid="price-approval"
            message={w.awaitingApproval(yuan(record.unitPriceFen), yuan(data.unitPriceCapFen))}
          />
        ) : null}
        {data.priceApprovedBy ? (
          <Alert type="success" showIcon message={w.priceApproved(data.priceApprovedBy)} />
        ) : null}

        {data.status === 'purchased' || data.status === 'shipped' ? (
          <Card title={h2(w.shipmentSection)} data-testid="shipment">
            {data.status === 'shipped' ? (
              <Descriptions column={{ xs: 1, md: 3 }} size="small">
                <Descriptions.Item label={w.carrier}>{data.carrier}</Descriptions.Item>
                <Descriptions.Item label={w.trackingNumber}>{data.trackingNumber}</Descriptions.Item>
                <Descriptions.Item label={w.shippedAt}>
                  {shanghaiTime(data.shippedAt, language)}
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Form
                form={shipment}
                layout="vertical"
                onFinish={(v) => ship.mutate(v)}
                style={{ maxWidth: 480 }}
              >
                <ErrorAlert error={ship.error} />
                <Form.Item name="carrier" label={w.carrier} rules={[{ required: true, max: 60 }]}>
                  <Input />
                </Form.Item>
                <Form.Item
                  name="trackingNumber"
                  label={w.trackingNumber}
                  rules={[{ required: true, max: 60 }]}
                >
                  <Input />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={ship.isPending}>
                  {w.recordShipment}
                </Button>
              </Form>
            )}
          </Card>
        ) : null}
      </Space>

      <Modal
        open={refusing}
        title={w.refuseTitle}
        okText={w.refuse}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: refuse.isPending }}
        cancelText={t.common.cancel}
        onOk={() => refuse.mutate()}
        onCancel={() => setRefusing(false)}
      >
        <ErrorAlert error={refuse.error} />
        <label htmlFor="refusal-reason" style={{ display: 'block', marginBottom: 4 }}>
          {w.refuseReason}
        </label>
        <Input.TextArea
          id="refusal-reason"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Page>
  );
}
