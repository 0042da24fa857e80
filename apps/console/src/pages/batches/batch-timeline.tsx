import { LockOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Input, Space, Tag, Timeline, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { clientFor, errorOf, SERVICES, type ServiceName } from '../../api/client';
import { hasAnyRole, useSession } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { Actor } from '../../shared/actor';
import { categoryLabel } from '../../shared/categories';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { BatchSearchResults } from './batch-search';
import { EvidenceLink } from './evidence-link';
import { StageFacts } from './stage-facts';
import {
  BATCH_NUMBER,
  ORDER_READERS,
  STAGE_READERS,
  STAGES,
  type Answer,
  type BatchStage,
  type StageName,
} from './stages';

async function stagesOf(service: ServiceName, batchNumber: string): Promise<Answer> {
  const { data, error, response } = await clientFor(service).GET('/batches/{batchNumber}/stages', {
    params: { path: { batchNumber } },
  });
  // A stage the viewer may not see is restricted, never an error; 404 is "nothing of it here".
  if (response.status === 403) return { kind: 'restricted' };
  if (response.status === 404) return { kind: 'absent' };
  if (error !== undefined || !data) throw errorOf(response.status, error);
  return { kind: 'stages', stages: data.stages };
}

function Deadline({ stage, deadline }: { stage: StageName; deadline: NonNullable<BatchStage['deadline']> }) {
  const { t, language } = useLanguage();
  const met = deadline.met;
  return (
    <div style={{ marginTop: 4 }}>
      <Typography.Text type="secondary">{t.batch.deadline}: </Typography.Text>
      <time dateTime={deadline.due}>{shanghaiTime(deadline.due, language)}</time>{' '}
      <Tag color={met === true ? 'green' : met === false ? 'red' : 'gold'}>
        {met === true ? t.batch.met : met === false ? t.batch.missed : t.batch.open}
      </Tag>
      <Typography.Text type="secondary">{t.batch.rules[stage] || deadline.rule}</Typography.Text>
    </div>
  );
}

function PresentStage({ stage, s }: { stage: StageName; s: BatchStage }) {
  const { t, language } = useLanguage();
  return (
    <div data-stage={stage} data-state="present">
      <Space wrap size={[12, 4]}>
        <Typography.Text strong>{t.batch.stages[stage]}</Typography.Text>
        <time dateTime={s.at}>{shanghaiTime(s.at, language)}</time>
        <span>
          <Typography.Text type="secondary">{t.batch.actor}: </Typography.Text>
          <Actor id={s.actor} />
        </span>
      </Space>
      {s.deadline ? <Deadline stage={stage} deadline={s.deadline} /> : null}
      <StageFacts facts={s.facts} />
      {s.evidence?.length ? (
        <Space wrap size={[8, 8]} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t.batch.evidence}:</Typography.Text>
          {s.evidence.map((e) => (
            <EvidenceLink key={e.objectId} objectId={e.objectId} kind={e.kind} />
          ))}
        </Space>
      ) : null}
    </div>
  );
}

/** The batch at a glance: what planning issued, how far it got, the verdict, deadlines missed. */
function Summary({ present, restricted }: { present: BatchStage[]; restricted: number }) {
  const { t, language } = useLanguage();
  const session = useSession();
  const issued = present.find((s) => s.stage === 'issued')?.facts ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const order = STAGES.map((s) => s.stage);
  const latest = [...present].sort((a, b) => order.indexOf(b.stage) - order.indexOf(a.stage))[0];
  const verdictOf = (stage: StageName) =>
    str([...present].reverse().find((s) => s.stage === stage && str(s.facts['verdict']))?.facts['verdict']);
  const verdict = verdictOf('final') ?? verdictOf('reported');
  const missed = present.filter((s) => s.deadline?.met === false).length;
  const planTitle = str(issued['planTitle']);
  const planId = str(issued['planId']);
  const listingUrl = str(issued['listingUrl']);
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.batch.summary}</h2>}
      style={{ marginBottom: 16 }}
      data-testid="batch-summary"
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        {planTitle ? (
          <Descriptions.Item label={t.batch.plan}>
            {planId && hasAnyRole(session, ['planner', 'approver', 'auditor']) ? (
              <Link to={`/plans/${planId}`}>{planTitle}</Link>
            ) : (
              planTitle
            )}
          </Descriptions.Item>
        ) : null}
        {str(issued['sellerName']) ? (
          <Descriptions.Item label={t.listings.seller}>{str(issued['sellerName'])}</Descriptions.Item>
        ) : null}
        {str(issued['category']) ? (
          <Descriptions.Item label={t.listings.category}>
            {categoryLabel(str(issued['category'])!, language)}
          </Descriptions.Item>
        ) : null}
        {listingUrl && /^https?:\/\//.test(listingUrl) ? (
          <Descriptions.Item label={t.listings.title}>
            <a href={listingUrl} target="_blank" rel="noreferrer noopener" style={{ wordBreak: 'break-all' }}>
              {str(issued['listingTitle']) ?? listingUrl}
            </a>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t.batch.progress}>
          {latest ? `${t.batch.stages[latest.stage]} · ${shanghaiTime(latest.at, language)}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t.batch.verdict}>
          {verdict ? (
            <Tag color={verdict === 'fail' ? 'red' : 'green'}>
              {(t.batch.values.verdict as Record<string, string>)[verdict] ?? verdict}
            </Tag>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t.batch.missedCount}>
          {missed > 0 ? <Tag color="red">{missed}</Tag> : 0}
        </Descriptions.Item>
        {restricted > 0 ? (
          <Descriptions.Item label={t.batch.restrictedCount}>{restricted}</Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

/** One batch's story across the six services, each answering for its own stages. */
export default function BatchTimeline() {
  const { batchNumber = '' } = useParams();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const navigate = useNavigate();
  const session = useSession();
  const { t } = useLanguage();
  const searchable = hasAnyRole(session, [...STAGE_READERS.planning, ...ORDER_READERS]);
  const answers = useQueries({
    queries: SERVICES.map((service) => ({
      queryKey: ['batch-stages', service, batchNumber],
      enabled: batchNumber !== '' && hasAnyRole(session, STAGE_READERS[service]),
      queryFn: () => stagesOf(service, batchNumber),
    })),
  });
  const answerOf = (service: ServiceName): Answer | undefined =>
    hasAnyRole(session, STAGE_READERS[service])
      ? answers[SERVICES.indexOf(service)]?.data
      : { kind: 'restricted' };
  const failures = answers.map((a) => a.error).filter(Boolean);
  const loading = answers.some((a) => a.isLoading);
  const present = SERVICES.flatMap((s) => {
    const a = answerOf(s);
    return a?.kind === 'stages' ? a.stages : [];
  });
  const restrictedStages = STAGES.filter(({ service }) => answerOf(service)?.kind === 'restricted');

  const items = STAGES.flatMap(({ stage, service }) => {
    const label = t.batch.stages[stage];
    if (answerOf(service)?.kind === 'restricted')
      return [
        {
          key: stage,
          color: 'gray',
          dot: <LockOutlined aria-hidden />,
          children: (
            <div data-stage={stage} data-state="restricted">
              <Typography.Text strong>{label}</Typography.Text>{' '}
              <Tag icon={<LockOutlined aria-hidden />}>{t.batch.restrictedTag}</Tag>
              <Typography.Text type="secondary">{t.batch.restricted}</Typography.Text>
            </div>
          ),
        },
      ];
    const found = present.filter((s) => s.stage === stage);
    if (found.length === 0)
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
    return found
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((s, i) => ({
        key: `${stage}-${i}`,
        color: s.deadline?.met === false ? 'red' : s.facts['verdict'] === 'fail' ? 'orange' : 'blue',
        children: <PresentStage stage={stage} s={s} />,
      }));
  });

  return (
    <Page title={batchNumber ? `${t.batch.title} ${batchNumber}` : t.batch.title}>
      <Card style={{ marginBottom: 16 }}>
        <Input.Search
          key={batchNumber || q}
          aria-label={t.searchBatch}
          placeholder={t.searchBatchPlaceholder}
          defaultValue={batchNumber || q}
          enterButton={t.common.search}
          onSearch={(v) => {
            const text = v.trim();
            if (!text) return;
            void navigate(
              BATCH_NUMBER.test(text) || !searchable
                ? `/batches/${encodeURIComponent(text)}`
                : `/batches?q=${encodeURIComponent(text)}`,
            );
          }}
          style={{ maxWidth: 520 }}
        />
      </Card>
      {failures.map((f, i) => (
        <ErrorAlert key={i} error={f} />
      ))}
      {batchNumber === '' && q !== '' && searchable ? (
        <BatchSearchResults q={q} />
      ) : batchNumber === '' ? (
        <Card>
          <Empty description={t.searchBatchPlaceholder} />
        </Card>
      ) : !loading && present.length === 0 && failures.length === 0 ? (
        <Alert type="info" showIcon message={t.batch.notFound} description={t.batch.notFoundHint} />
      ) : (
        <>
          <Summary present={present} restricted={restrictedStages.length} />
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.batch.stage}</h2>}
            extra={
              <Button
                icon={<ReloadOutlined aria-hidden />}
                loading={answers.some((a) => a.isFetching)}
                onClick={() =>
                  SERVICES.forEach((service, i) => {
                    if (hasAnyRole(session, STAGE_READERS[service])) void answers[i]?.refetch();
                  })
                }
              >
                {t.common.refresh}
              </Button>
            }
          >
            <Timeline items={items} />
          </Card>
        </>
      )}
    </Page>
  );
}
