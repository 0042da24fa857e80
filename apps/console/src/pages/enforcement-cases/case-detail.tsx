import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Grid,
  Input,
  InputNumber,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useParams } from 'react-router-dom';
import { api, ApiError, unwrap } from '../../api/client';
import { hasAnyRole, useSession } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { areaLabel } from '../../shared/areas';
import { categoryLabel } from '../../shared/categories';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiDate, shanghaiTime } from '../../shared/time';
import { NotFound } from '../status-pages';
import { CaseStatus } from './case-status';
import { TransferLetter } from './transfer-letter';
import { authorityOf, useCase, type CaseDetail as CaseDetailBody } from './cases-api';

type Outcome = 'penalty' | 'rectification' | 'takedown-confirmed' | 'seller-not-found';
const OUTCOMES: Outcome[] = ['penalty', 'rectification', 'takedown-confirmed', 'seller-not-found'];
type EscalationTarget = 'inspection-brigade' | 'online-supervision-office';

interface CloseForm {
  outcomes: Outcome[];
  penaltyYuan?: number;
  penaltyDecisionNumber?: string;
  legalBasis?: string;
  summary?: string;
}

/** One case: the routing decision and why, the batch's facts, and the officer's actions on it. */
export default function CaseDetail() {
  const { id = '' } = useParams();
  const { t, language } = useLanguage();
  const session = useSession();
  const found = useCase(id);
  const screens = Grid.useBreakpoint();
  const layout = screens.md ? 'horizontal' : 'vertical';
  const c = found.data;
  if (found.error instanceof ApiError && found.error.status === 404) return <NotFound />;
  if (!c)
    return (
      <Page title={t.cases.listTitle}>
        <ErrorAlert error={found.error} />
        {!found.error ? <Typography.Text>{t.common.loading}</Typography.Text> : null}
      </Page>
    );
  const officer = hasAnyRole(session, ['enforcement-officer']);
  const approver = hasAnyRole(session, ['approver']);
  const b = c.batch;
  const dash = (v: string | null | undefined) => v || '—';
  return (
    <Page title={c.batchNumber} extra={<CaseStatus status={c.status} overdue={c.overdue} />}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.cases.routing}</h2>} data-testid="routing">
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" layout={layout}>
            <Descriptions.Item label={t.cases.authority}>
              {authorityOf(c.authority).name} ({areaLabel(authorityOf(c.authority).areaCode, language)})
            </Descriptions.Item>
            <Descriptions.Item label={t.cases.rule}>{t.cases.rules[c.rule] ?? c.rule}</Descriptions.Item>
            <Descriptions.Item label={t.cases.explanation} span={2}>
              {c.explanation}
            </Descriptions.Item>
            {c.policyRow ? (
              <Descriptions.Item label={t.cases.policyRow}>
                <Typography.Text code>{c.policyRow}</Typography.Text>
              </Descriptions.Item>
            ) : null}
            {c.policyReasons.length ? (
              <Descriptions.Item label={t.cases.policyReasons} span={2}>
                <ol style={{ margin: 0, paddingInlineStart: 18 }}>
                  {c.policyReasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ol>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t.cases.copiedTo}>
              {c.copiedTo.length ? c.copiedTo.map((a) => authorityOf(a).name).join('、') : t.common.none}
            </Descriptions.Item>
            <Descriptions.Item label={t.cases.routedAt}>
              {shanghaiTime(c.routedAt, language)}
            </Descriptions.Item>
            <Descriptions.Item label={t.cases.dueAt}>{shanghaiDate(c.dueAt, language)}</Descriptions.Item>
            <Descriptions.Item label={t.cases.acceptedAt}>
              {shanghaiTime(c.acceptedAt, language)}
            </Descriptions.Item>
            {c.status === 'closed' ? (
              <>
                <Descriptions.Item label={t.cases.closedAt}>
                  {shanghaiTime(c.closedAt, language)}
                </Descriptions.Item>
                <Descriptions.Item label={t.cases.outcomes}>
                  <Space size={4} wrap>
                    {(c.outcomes ?? []).map((o) => (
                      <Tag key={o}>{t.cases.outcomeLabels[o] ?? o}</Tag>
                    ))}
                  </Space>
                </Descriptions.Item>
                {c.penaltyFen !== null && c.penaltyFen !== undefined ? (
                  <Descriptions.Item label={t.cases.penaltyYuan}>
                    {(c.penaltyFen / 100).toFixed(2)}
                  </Descriptions.Item>
                ) : null}
                <Descriptions.Item label={t.cases.decisionNumber}>
                  {dash(c.penaltyDecisionNumber)}
                </Descriptions.Item>
                <Descriptions.Item label={t.cases.legalBasis}>{dash(c.legalBasis)}</Descriptions.Item>
                <Descriptions.Item label={t.cases.summary}>{dash(c.summary)}</Descriptions.Item>
              </>
            ) : null}
          </Descriptions>
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.cases.facts}</h2>} data-testid="facts">
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" layout={layout}>
            <Descriptions.Item label={t.cases.batch}>{c.batchNumber}</Descriptions.Item>
            <Descriptions.Item label={t.cases.listing}>
              {b.listingUrl ? (
                <Typography.Link href={b.listingUrl} target="_blank" rel="noreferrer">
                  {dash(b.listingTitle)}
                </Typography.Link>
              ) : (
                dash(b.listingTitle)
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t.cases.seller}>
              {c.sellerName}
              {c.sellerUnifiedSocialCreditCode ? ` (${c.sellerUnifiedSocialCreditCode})` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t.cases.sellerType}>
              {b.sellerEntityType ? (t.cases.entityTypes[b.sellerEntityType] ?? b.sellerEntityType) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t.cases.shop}>
              {dash(b.sellerShopName)} {b.sellerShopUrl ? <small>{b.sellerShopUrl}</small> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t.cases.registeredAddress}>
              {dash(b.sellerRegisteredAddress)}
            </Descriptions.Item>
            <Descriptions.Item label={t.cases.platform}>{dash(b.platformName)}</Descriptions.Item>
            <Descriptions.Item label={t.cases.platformOperator}>
              {dash(b.platformOperatorName)}
              {b.platformOperatorAreaCode ? ` (${areaLabel(b.platformOperatorAreaCode, language)})` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t.cases.orderNumber}>{dash(b.orderNumber)}</Descriptions.Item>
            <Descriptions.Item label={t.cases.sample}>
              {dash(b.sampleName)}
              {b.category ? ` · ${categoryLabel(b.category, language)}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t.cases.brand}>{dash(b.brand)}</Descriptions.Item>
            <Descriptions.Item label={t.cases.producer}>{dash(b.producerName)}</Descriptions.Item>
            <Descriptions.Item label={t.cases.specModel}>{dash(b.specModel)}</Descriptions.Item>
            <Descriptions.Item label={t.cases.report}>
              {dash(b.reportNumber)}
              {b.labName ? ` · ${b.labName}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t.cases.failingItems}>
              {b.failingItems.length ? b.failingItems.map((i) => <Tag key={i}>{i}</Tag>) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t.cases.finalAt}>{shanghaiTime(b.finalAt, language)}</Descriptions.Item>
          </Descriptions>
        </Card>
        <TransferLetter caseId={c.id} />
        {officer && c.status !== 'closed' ? <OfficerActions c={c} /> : null}
        {approver && c.status !== 'closed' ? <Escalate c={c} /> : null}
      </Space>
    </Page>
  );
}

function useRefresh(text: string) {
  const { message } = App.useApp();
  const queries = useQueryClient();
  return () => {
    void message.success(text);
    void queries.invalidateQueries({ queryKey: ['cases'] });
  };
}

function OfficerActions({ c }: { c: CaseDetailBody }) {
  const { t } = useLanguage();
  const [form] = Form.useForm<CloseForm>();
  const outcomes = Form.useWatch('outcomes', form) ?? [];
  const refreshAccepted = useRefresh(t.cases.accepted);
  const refreshInvestigating = useRefresh(t.cases.investigating);
  const refreshClosed = useRefresh(t.cases.closedDone);
  const path = { params: { path: { id: c.id } } };
  const accept = useMutation({
    mutationFn: () => unwrap(api.enforcement.POST('/cases/{id}/accept', path)),
    onSuccess: refreshAccepted,
  });
  const investigate = useMutation({
    mutationFn: () => unwrap(api.enforcement.POST('/cases/{id}/investigate', path)),
    onSuccess: refreshInvestigating,
  });
  const close = useMutation({
    mutationFn: (v: CloseForm) =>
      unwrap(
        api.enforcement.POST('/cases/{id}/close', {
          ...path,
          body: {
            outcomes: v.outcomes,
            ...(v.outcomes.includes('penalty')
              ? {
                  penaltyFen: Math.round((v.penaltyYuan ?? 0) * 100),
                  penaltyDecisionNumber: v.penaltyDecisionNumber?.trim(),
                }
              : {}),
            ...(v.legalBasis?.trim() ? { legalBasis: v.legalBasis.trim() } : {}),
            ...(v.summary?.trim() ? { summary: v.summary.trim() } : {}),
          },
        }),
      ),
    onSuccess: refreshClosed,
  });
  const penalty = outcomes.includes('penalty');
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.cases.actions}</h2>} data-testid="actions">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <ErrorAlert error={accept.error ?? investigate.error ?? close.error} />
        {c.status === 'routed' ? (
          <Button type="primary" loading={accept.isPending} onClick={() => accept.mutate()}>
            {t.cases.accept}
          </Button>
        ) : null}
        {c.status === 'accepted' ? (
          <Button loading={investigate.isPending} onClick={() => investigate.mutate()}>
            {t.cases.investigate}
          </Button>
        ) : null}
        {c.status === 'accepted' || c.status === 'investigating' ? (
          <Form form={form} layout="vertical" onFinish={(v) => close.mutate(v)} style={{ maxWidth: 640 }}>
            <Form.Item name="outcomes" label={t.cases.outcomes} rules={[{ required: true }]}>
              <Checkbox.Group
                options={OUTCOMES.map((o) => ({ value: o, label: t.cases.outcomeLabels[o] }))}
              />
            </Form.Item>
            {penalty ? (
              <>
                <Form.Item
                  name="penaltyYuan"
                  label={t.cases.penaltyYuan}
                  rules={[{ required: true, message: t.cases.penaltyRequired }]}
                >
                  <InputNumber min={0} precision={2} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item
                  name="penaltyDecisionNumber"
                  label={t.cases.decisionNumber}
                  rules={[{ required: true, whitespace: true, message: t.cases.penaltyRequired }]}
                >
                  <Input placeholder="杭滨市监处罚〔2026〕18号" />
                </Form.Item>
              </>
            ) : null}
            <Form.Item
              name="legalBasis"
              label={t.cases.legalBasis}
              rules={[{ required: penalty, whitespace: true }]}
            >
              <Input placeholder="《中华人民共和国产品质量法》第五十条" />
            </Form.Item>
            <Form.Item name="summary" label={t.cases.summary}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={close.isPending}>
              {t.cases.close}
            </Button>
          </Form>
        ) : null}
      </Space>
    </Card>
  );
}

function Escalate({ c }: { c: CaseDetailBody }) {
  const { t } = useLanguage();
  const [form] = Form.useForm<{ to: EscalationTarget; reason: string }>();
  const refresh = useRefresh(t.cases.escalated);
  const escalate = useMutation({
    mutationFn: (v: { to: EscalationTarget; reason: string }) =>
      unwrap(
        api.enforcement.POST('/cases/{id}/escalate', {
          params: { path: { id: c.id } },
          body: { to: v.to, reason: v.reason.trim() },
        }),
      ),
    onSuccess: refresh,
  });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.cases.escalate}</h2>} data-testid="escalate">
      <ErrorAlert error={escalate.error} />
      <Form form={form} layout="vertical" onFinish={(v) => escalate.mutate(v)} style={{ maxWidth: 640 }}>
        <Form.Item name="to" label={t.cases.escalateTo} rules={[{ required: true }]}>
          <Select
            aria-label={t.cases.escalateTo}
            options={(['inspection-brigade', 'online-supervision-office'] as const).map((v) => ({
              value: v,
              label: t.cases.escalationTargets[v],
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t.cases.reason} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button htmlType="submit" loading={escalate.isPending}>
          {t.cases.escalate}
        </Button>
      </Form>
    </Card>
  );
}
