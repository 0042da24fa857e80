import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  ConfigProvider,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { publicSiteUrl } from '../../auth/keycloak';
import { hasAnyRole, useSession } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { DANGER_THEME, DISCLOSURE_MANAGERS, type Correction, type Publication } from './disclosure-api';
import { StatusTag, VerdictTag } from './publications';

interface CorrectionForm {
  reason: string;
  sellerName: string;
  sampleName: string;
  claimedBrand?: string;
  claimedProducer?: string;
  specModel?: string;
  productionDate?: string;
  verdict: 'pass' | 'fail';
  items?: string;
  platformName?: string;
}

const optional = (v: string | undefined | null): string | undefined => (v?.trim() ? v.trim() : undefined);

/** Only the fields that differ from the current version, and the reason. */
function correctionOf(current: Publication, form: CorrectionForm): Correction {
  const items = (form.items ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const next: Correction = { reason: form.reason.trim() };
  const text = [
    'sellerName',
    'sampleName',
    'claimedBrand',
    'claimedProducer',
    'specModel',
    'productionDate',
    'platformName',
  ] as const;
  for (const field of text) {
    const value = optional(form[field]);
    if (value !== undefined && value !== (current[field] ?? undefined)) next[field] = value;
  }
  if (form.verdict !== current.verdict) next.verdict = form.verdict;
  if (JSON.stringify(items) !== JSON.stringify(current.mainNonconformingItems))
    next.mainNonconformingItems = items;
  return next;
}

function PublicFields({ p }: { p: Publication }) {
  const { t } = useLanguage();
  const d = t.disclosureAdmin;
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label={d.seller}>{p.sellerName}</Descriptions.Item>
      <Descriptions.Item label={d.sample}>{p.sampleName}</Descriptions.Item>
      <Descriptions.Item label={d.brand}>{p.claimedBrand ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={d.producer}>{p.claimedProducer ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={d.specModel}>{p.specModel ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={d.productionDate}>{p.productionDate ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={d.nonconforming}>
        {p.mainNonconformingItems.join('、') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={d.verdict}>
        <VerdictTag verdict={p.verdict} />
      </Descriptions.Item>
      <Descriptions.Item label={d.platformName}>{p.platformName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={d.resultDate}>{p.resultDate}</Descriptions.Item>
    </Descriptions>
  );
}

/** One published result: its current version, every version with its reason, correction, withdrawal and the public preview. */
export default function PublicationDetail() {
  const { id = '' } = useParams();
  const { t, language } = useLanguage();
  const d = t.disclosureAdmin;
  const session = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<'correct' | 'withdraw' | undefined>();
  const [correctForm] = Form.useForm<CorrectionForm>();
  const [withdrawForm] = Form.useForm<{ reason: string }>();
  const detail = useQuery({
    queryKey: ['disclosure', 'publication', id],
    queryFn: () => unwrap(api.disclosure.GET('/publications/{id}', { params: { path: { id } } })),
  });
  const current = detail.data?.current;
  const done = async (text: string) => {
    setDialog(undefined);
    void message.success(text);
    await client.invalidateQueries({ queryKey: ['disclosure'] });
  };
  const correct = useMutation({
    mutationFn: (body: Correction) =>
      unwrap(
        api.disclosure.POST('/publications/{id}/corrections', {
          params: { path: { id: current!.id } },
          body,
        }),
      ),
    onSuccess: () => done(d.corrected),
  });
  const withdraw = useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.disclosure.POST('/publications/{id}/withdrawal', {
          params: { path: { id: current!.id } },
          body: { reason },
        }),
      ),
    onSuccess: () => done(d.withdrawn),
  });
  const mayRevise = hasAnyRole(session, DISCLOSURE_MANAGERS) && current && current.status !== 'withdrawn';
  const site = publicSiteUrl();
  const publicLink = current && site ? `${site}/results/${current.id}?lang=${language}` : undefined;
  const shown = current?.status === 'withdrawn' ? detail.data?.history[1] : current;

  return (
    <ConfigProvider theme={DANGER_THEME}>
      <Page
        title={d.detailTitle}
        extra={
          mayRevise ? (
            <Space wrap>
              <Button type="primary" onClick={() => setDialog('correct')}>
                {d.correct}
              </Button>
              <Button danger onClick={() => setDialog('withdraw')}>
                {d.withdraw}
              </Button>
            </Space>
          ) : null
        }
      >
        <ErrorAlert error={detail.error} />
        {current ? (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card
              title={
                <Space wrap>
                  <span>{current.batchNumber}</span>
                  <span>{d.current}</span>
                  <StatusTag status={current.status} />
                  <Typography.Text type="secondary">
                    {d.version} {current.version}
                  </Typography.Text>
                </Space>
              }
            >
              {current.status === 'withdrawn' ? (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  message={d.withdrawnBanner}
                  description={`${d.reason}: ${current.reason ?? '—'}`}
                />
              ) : null}
              <PublicFields p={shown ?? current} />
            </Card>
            <Card title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{d.history}</h2>}>
              <Timeline
                data-testid="history"
                items={(detail.data?.history ?? []).map((v) => ({
                  color: v.kind === 'withdrawal' ? 'red' : v.kind === 'correction' ? 'orange' : 'green',
                  children: (
                    <div>
                      <Space wrap>
                        <Tag>
                          {d.version} {v.version}
                        </Tag>
                        <strong>{d.kinds[v.kind]}</strong>
                        <span>{shanghaiTime(v.publishedAt, language)}</span>
                      </Space>
                      {v.reason ? (
                        <div>
                          {d.reason}: {v.reason}
                        </div>
                      ) : null}
                      {v.kind !== 'withdrawal' ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {v.sampleName} · {v.claimedBrand ?? '—'} · {v.specModel ?? '—'} ·{' '}
                          {v.productionDate ?? '—'} · {d.verdicts[v.verdict]}
                        </Typography.Text>
                      ) : null}
                    </div>
                  ),
                }))}
              />
            </Card>
            <Card title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{d.preview}</h2>}>
              {publicLink ? (
                <Typography.Paragraph>
                  <a href={publicLink} target="_blank" rel="noreferrer" data-testid="public-link">
                    {d.openPublic}
                  </a>
                </Typography.Paragraph>
              ) : null}
              <Typography.Paragraph type="secondary">{d.previewHint}</Typography.Paragraph>
              <div
                data-testid="public-preview"
                style={{ border: '1px dashed #d9d9d9', padding: 12, borderRadius: 6 }}
              >
                {current.status === 'withdrawn' ? (
                  <Alert type="info" message={d.withdrawnBanner} />
                ) : (
                  <>
                    {current.status === 'corrected' ? (
                      <Alert
                        type="info"
                        style={{ marginBottom: 8 }}
                        message={`${d.kinds.correction} ${shanghaiTime(current.publishedAt, language)} · ${d.reason}: ${current.reason ?? ''}`}
                      />
                    ) : null}
                    <h3 style={{ fontSize: 15, margin: '0 0 6px' }}>{current.sampleName}</h3>
                    <div>
                      {current.sellerName} · {current.categoryName} · {current.regionName ?? '—'}
                    </div>
                    <div>
                      {d.verdict}: <VerdictTag verdict={current.verdict} />
                      {current.mainNonconformingItems.length > 0
                        ? `${d.nonconforming}: ${current.mainNonconformingItems.join('、')}`
                        : null}
                    </div>
                  </>
                )}
              </div>
            </Card>
          </Space>
        ) : (
          <Card loading={detail.isLoading} />
        )}

        <Modal
          title={d.correctTitle}
          open={dialog === 'correct'}
          onCancel={() => setDialog(undefined)}
          okText={d.correct}
          cancelText={t.common.cancel}
          confirmLoading={correct.isPending}
          onOk={() =>
            void correctForm.validateFields().then((f) => correct.mutate(correctionOf(current!, f)))
          }
          destroyOnHidden
        >
          <ErrorAlert error={correct.error} />
          <Form
            form={correctForm}
            layout="vertical"
            name="correction"
            initialValues={
              current
                ? {
                    reason: '',
                    sellerName: current.sellerName,
                    sampleName: current.sampleName,
                    claimedBrand: current.claimedBrand ?? undefined,
                    claimedProducer: current.claimedProducer ?? undefined,
                    specModel: current.specModel ?? undefined,
                    productionDate: current.productionDate ?? undefined,
                    verdict: current.verdict,
                    items: current.mainNonconformingItems.join('\n'),
                    platformName: current.platformName ?? undefined,
                  }
                : undefined
            }
          >
            <Form.Item
              name="reason"
              label={d.reason}
              rules={[{ required: true, min: 2, message: d.reasonRequired }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="sellerName" label={d.seller} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="sampleName" label={d.sample} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="claimedBrand" label={d.brand}>
              <Input />
            </Form.Item>
            <Form.Item name="claimedProducer" label={d.producer}>
              <Input />
            </Form.Item>
            <Form.Item name="specModel" label={d.specModel}>
              <Input />
            </Form.Item>
            <Form.Item
              name="productionDate"
              label={d.productionDate}
              rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
            >
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="verdict" label={d.verdict} rules={[{ required: true }]}>
              <Select
                options={['pass', 'fail'].map((v) => ({ value: v, label: d.verdicts[v] }))}
                aria-label={d.verdict}
              />
            </Form.Item>
            <Form.Item name="items" label={d.nonconforming} extra={d.itemsHelp}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="platformName" label={d.platformName}>
              <Input />
            </Form.Item>
          </Form>
        </Modal>

        <Modal
          title={d.withdrawTitle}
          open={dialog === 'withdraw'}
          onCancel={() => setDialog(undefined)}
          okText={d.withdraw}
          okButtonProps={{ danger: true }}
          cancelText={t.common.cancel}
          confirmLoading={withdraw.isPending}
          onOk={() => void withdrawForm.validateFields().then((f) => withdraw.mutate(f.reason.trim()))}
          destroyOnHidden
        >
          <Alert type="warning" showIcon message={d.withdrawWarning} style={{ marginBottom: 12 }} />
          <ErrorAlert error={withdraw.error} />
          <Form form={withdrawForm} layout="vertical" name="withdrawal">
            <Form.Item
              name="reason"
              label={d.reason}
              rules={[{ required: true, min: 2, message: d.reasonRequired }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </Form>
        </Modal>
      </Page>
    </ConfigProvider>
  );
}
