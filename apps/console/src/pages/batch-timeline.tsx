import { useQueries } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Input, Space, Table, Tag, Timeline, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { categoryLabel } from '../shared/categories';
import { ApiError, authorizedHeaders, errorOf, SERVICES, type ServiceName } from '../api/client';
import type { Role } from '../auth/keycloak';
import { hasAnyRole, useSession } from '../auth/session';
import { useLanguage } from '../i18n/language';
import type { Messages } from '../i18n/messages';
import { ErrorAlert } from '../shared/errors';
import { Page } from '../shared/page';
import { shanghaiTime } from '../shared/time';

type StageName = keyof Messages['batch']['stages'];

/** What each service answers at GET /batches/{batchNumber}/stages. */
interface BatchStage {
  stage: string;
  at: string;
  actor: string | null;
  deadline?: { due: string; met: boolean | null; rule: string };
  evidence?: Array<{ objectId: string; kind: string }>;
  facts: Record<string, unknown>;
}

/** The stages in the order of the procedure, and which service answers for each. */
const STAGES: Array<{ stage: StageName; service: ServiceName }> = [
  { stage: 'issued', service: 'planning' },
  { stage: 'assigned', service: 'purchasing' },
  { stage: 'bought', service: 'purchasing' },
  { stage: 'shipped', service: 'purchasing' },
  { stage: 'received', service: 'evidence' },
  { stage: 'sealed', service: 'evidence' },
  { stage: 'dispatched', service: 'lab-gateway' },
  { stage: 'reported', service: 'lab-gateway' },
  { stage: 'notified', service: 'enforcement' },
  { stage: 'objected', service: 'enforcement' },
  { stage: 'final', service: 'enforcement' },
  { stage: 'routed', service: 'enforcement' },
  { stage: 'closed', service: 'enforcement' },
  { stage: 'published', service: 'disclosure' },
];

/** Who may read each service's view (the console does not even ask otherwise). */
const READERS: Record<ServiceName, Role[]> = {
  planning: ['planner', 'approver', 'auditor', 'admin'],
  purchasing: ['planner', 'approver', 'auditor', 'admin', 'purchasing-admin'],
  evidence: ['planner', 'approver', 'auditor', 'admin', 'intake-officer'],
  'lab-gateway': ['planner', 'approver', 'auditor', 'admin', 'lab'],
  enforcement: ['planner', 'approver', 'auditor', 'admin', 'enforcement-officer'],
  disclosure: ['planner', 'approver', 'auditor', 'admin'],
};

type Answer = { kind: 'stages'; stages: BatchStage[] } | { kind: 'restricted' } | { kind: 'absent' };

async function stagesOf(service: ServiceName, batchNumber: string): Promise<Answer> {
  const res = await fetch(`/api/${service}/batches/${encodeURIComponent(batchNumber)}/stages`, {
    headers: await authorizedHeaders(),
  });
  if (res.status === 403) return { kind: 'restricted' };
  if (res.status === 404) return { kind: 'absent' };
  const body = (await res.json().catch(() => undefined)) as { stages?: BatchStage[] } | undefined;
  if (!res.ok) throw errorOf(res.status, body);
  return { kind: 'stages', stages: body?.stages ?? [] };
}

function Fact({ name, value }: { name: string; value: unknown }) {
  if (value === null || value === undefined || value === '') return null;
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return (
    <div>
      <Typography.Text type="secondary">{name}: </Typography.Text>
      <Typography.Text>{text}</Typography.Text>
    </div>
  );
}

export const BATCH_NUMBER = /^[A-Z]{2,8}\d{4}-\d{6}$/;

/** Who may find a batch by its order number (purchasing keeps order numbers to them). */
const ORDER_READERS: Role[] = ['purchasing-admin', 'auditor', 'admin'];

/**
 * Batches found by seller, listing URL or the start of a number (planning's search), and for the
 * roles that may see order numbers, the batch bought with that order number (purchasing's).
 */
function SearchResults({ q }: { q: string }) {
  const { t, language } = useLanguage();
  const session = useSession();
  const found = useQuery({
    queryKey: ['batch-search', q],
    enabled: hasAnyRole(session, READERS.planning),
    queryFn: () => unwrap(api.planning.GET('/batches', { params: { query: { q } } })),
  });
  const byOrder = useQuery({
    queryKey: ['batch-by-order', q],
    enabled: hasAnyRole(session, ORDER_READERS),
    queryFn: () => unwrap(api.purchasing.GET('/batches', { params: { query: { orderNumber: q } } })),
  });
  return (
    <Card data-testid="batch-search-results">
      {byOrder.data?.items.length ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={byOrder.data.items.map((b) => (
            <Link key={b.batchNumber} to={`/batches/${b.batchNumber}`} style={{ marginInlineEnd: 12 }}>
              {`${b.batchNumber} · ${b.platform ?? ''}`}
            </Link>
          ))}
        />
      ) : null}
      <ErrorAlert error={found.error} />
      <Table
        rowKey="batchNumber"
        size="small"
        loading={found.isLoading}
        dataSource={found.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          {
            title: t.batch.title,
            dataIndex: 'batchNumber',
            render: (b: string) => <Link to={`/batches/${b}`}>{b}</Link>,
          },
          { title: t.listings.seller, dataIndex: 'sellerName' },
          {
            title: t.listings.category,
            dataIndex: 'category',
            render: (c: string) => categoryLabel(c, language),
          },
          { title: t.listings.platform, dataIndex: 'platform' },
          { title: t.batch.at, dataIndex: 'issuedAt', render: (at: string) => shanghaiTime(at, language) },
        ]}
      />
    </Card>
  );
}

/** One batch's story across the six services, each answering for its own stage. */
export default function BatchTimeline() {
  const { batchNumber = '' } = useParams();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const navigate = useNavigate();
  const session = useSession();
  const { t, language } = useLanguage();
  const searchable = hasAnyRole(session, [...READERS.planning, ...ORDER_READERS]);
  const answers = useQueries({
    queries: SERVICES.map((service) => ({
      queryKey: ['batch-stages', service, batchNumber],
      enabled: batchNumber !== '' && hasAnyRole(session, READERS[service]),
      queryFn: () => stagesOf(service, batchNumber),
    })),
  });
  const answerOf = (service: ServiceName): Answer | undefined => {
    if (!hasAnyRole(session, READERS[service])) return { kind: 'restricted' };
    return answers[SERVICES.indexOf(service)]?.data;
  };
  const failures = answers.map((a) => a.error).filter((e): e is ApiError => e instanceof ApiError);
  const loading = answers.some((a) => a.isLoading);
  const known = SERVICES.some(
    (s) => answerOf(s)?.kind === 'stages' && (answerOf(s) as { stages: BatchStage[] }).stages.length > 0,
  );

  const items = STAGES.flatMap(({ stage, service }) => {
    const answer = answerOf(service);
    const label = t.batch.stages[stage];
    if (answer?.kind === 'restricted') {
      return [
        {
          key: stage,
          color: 'gray',
          dot: <LockOutlined aria-hidden />,
          children: (
            <div data-stage={stage} data-state="restricted">
              <b>{label}</b> <Tag>{t.batch.restricted}</Tag>
            </div>
          ),
        },
      ];
    }
    const found = answer?.kind === 'stages' ? answer.stages.filter((s) => s.stage === stage) : [];
    if (found.length === 0) {
      return [
        {
          key: stage,
          color: 'gray',
          children: (
            <div data-stage={stage} data-state="absent">
              <Typography.Text type="secondary">
                {label} · {t.batch.absent}
              </Typography.Text>
            </div>
          ),
        },
      ];
    }
    return found.map((s, i) => {
      const met = s.deadline?.met;
      return {
        key: `${stage}-${i}`,
        color: met === false ? 'red' : 'blue',
        children: (
          <div data-stage={stage} data-state="present">
            <Space wrap>
              <b>{label}</b>
              <span>{shanghaiTime(s.at, language)}</span>
              {s.actor ? <Tag>{`${t.batch.actor}: ${s.actor}`}</Tag> : null}
            </Space>
            {s.deadline ? (
              <div>
                <Typography.Text type="secondary">{t.batch.deadline}: </Typography.Text>
                {shanghaiTime(s.deadline.due, language)}{' '}
                <Tag color={met === true ? 'green' : met === false ? 'red' : 'gold'}>
                  {met === true ? t.batch.met : met === false ? t.batch.missed : t.batch.open}
                </Tag>
                <Typography.Text type="secondary">{s.deadline.rule}</Typography.Text>
              </div>
            ) : null}
            {Object.entries(s.facts).map(([k, v]) => (
              <Fact key={k} name={k} value={v} />
            ))}
            {s.evidence?.length ? (
              <div>
                <Typography.Text type="secondary">{t.batch.evidence}: </Typography.Text>
                {s.evidence.map((e) => (
                  <Tag key={e.objectId}>{`${e.kind} ${e.objectId.slice(0, 8)}`}</Tag>
                ))}
              </div>
            ) : null}
          </div>
        ),
      };
    });
  });

  return (
    <Page title={batchNumber ? `${t.batch.title} ${batchNumber}` : t.batch.title}>
      <Card style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t.searchBatch}
          placeholder={t.searchBatchPlaceholder}
          defaultValue={batchNumber || q}
          enterButton={t.common.search}
          onSearch={(v) => {
            const text = v.trim();
            if (!text) return;
            navigate(
              BATCH_NUMBER.test(text) || !searchable
                ? `/batches/${encodeURIComponent(text)}`
                : `/batches?q=${encodeURIComponent(text)}`,
            );
          }}
          style={{ maxWidth: 480 }}
        />
      </Card>
      {failures.map((f, i) => (
        <ErrorAlert key={i} error={f} />
      ))}
      {batchNumber === '' && q !== '' && searchable ? (
        <SearchResults q={q} />
      ) : batchNumber === '' ? (
        <Empty description={t.searchBatchPlaceholder} />
      ) : !loading && !known ? (
        <Alert type="info" showIcon message={t.batch.notFound} />
      ) : (
        <Card>
          <Timeline items={items} />
          <Button type="link" onClick={() => void Promise.all(answers.map((a) => a.refetch()))}>
            {t.common.refresh}
          </Button>
        </Card>
      )}
    </Page>
  );
}
