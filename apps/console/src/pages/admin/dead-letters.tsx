import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { clientFor, SERVICES, unwrap, type ServiceName } from '../../api/client';
import type { planning } from '../../api/generated';
import { fill, useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { ServiceSelect } from './service-select';
import { Table } from '../../shared/table';

type Letters = planning.components['schemas']['DeadLettersView'];
type Letter = planning.components['schemas']['DeadLetterSummaryView'];
type LetterDetail = planning.components['schemas']['DeadLetterView'];
type Replayed = planning.components['schemas']['ReplayResultView'];

/** What a service could not handle, why, and replay once the cause is fixed (the message id is kept). */
export default function DeadLetters() {
  const { t, language } = useLanguage();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [params, setParams] = useSearchParams();
  const service = (SERVICES as readonly string[]).includes(params.get('service') ?? '')
    ? (params.get('service') as ServiceName)
    : 'planning';
  const [open, setOpen] = useState<{ topic: string; letter: Letter }>();
  const letters = useQuery({
    queryKey: ['dead-letters', service],
    queryFn: (): Promise<Letters> => unwrap(clientFor(service).GET('/ops/dead-letters', {})),
  });
  const detail = useQuery({
    queryKey: ['dead-letter', service, open?.topic, open?.letter.position],
    enabled: Boolean(open),
    queryFn: (): Promise<LetterDetail> =>
      unwrap(
        clientFor(service).GET('/ops/dead-letters/{topic}/{partition}/{offset}', {
          params: {
            path: { topic: open!.topic, partition: open!.letter.partition, offset: open!.letter.offset },
          },
        }),
      ),
  });
  const replay = useMutation({
    mutationFn: ({ topic, positions }: { topic: string; positions?: string[] }): Promise<Replayed> =>
      unwrap(
        clientFor(service).POST('/ops/dead-letters/{topic}/replay', {
          params: { path: { topic } },
          body: positions ? { positions } : { all: true },
        }),
      ),
    onSuccess: (r) => {
      void message.success(fill(t.deadLetters.replayed, { n: r.replayed }));
      void queries.invalidateQueries({ queryKey: ['dead-letters', service] });
    },
  });

  return (
    <Page
      title={t.deadLetters.title}
      extra={<ServiceSelect value={service} onChange={(s) => setParams({ service: s })} />}
    >
      <ErrorAlert error={letters.error ?? replay.error} />
      {letters.data && letters.data.topics.every((topic) => topic.count === 0) && (
        <Empty description={t.home.nothing} />
      )}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {(letters.data?.topics ?? [])
          .filter((topic) => topic.count > 0)
          .map((topic) => (
            <Card
              key={topic.topic}
              title={<h2 style={{ fontSize: 16, margin: 0 }}>{topic.topic}</h2>}
              extra={
                <Space>
                  <Tag color={topic.pending ? 'red' : 'green'}>
                    {t.deadLetters.pending}: {topic.pending}
                  </Tag>
                  <Button
                    disabled={topic.pending === 0}
                    onClick={() => replay.mutate({ topic: topic.topic })}
                  >
                    {t.deadLetters.replayAll}
                  </Button>
                </Space>
              }
            >
              <Table<Letter>
                size="small"
                rowKey="position"
                dataSource={topic.letters}
                scroll={{ x: 900 }}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: t.deadLetters.position, dataIndex: 'position', width: 90 },
                  { title: t.batch.title, dataIndex: 'key', width: 150 },
                  {
                    title: t.deadLetters.failedAt,
                    dataIndex: 'failedAt',
                    width: 160,
                    render: (at: string) => shanghaiTime(at, language),
                  },
                  { title: t.deadLetters.kind, dataIndex: 'errorKind', width: 120 },
                  { title: t.deadLetters.message, dataIndex: 'errorMessage', ellipsis: true },
                  { title: t.deadLetters.attempts, dataIndex: 'attempts', width: 80 },
                  {
                    title: '',
                    key: 'actions',
                    width: 170,
                    render: (_: unknown, l) => (
                      <Space>
                        <Button size="small" onClick={() => setOpen({ topic: topic.topic, letter: l })}>
                          {t.deadLetters.inspect}
                        </Button>
                        {l.applied ? (
                          <Tag color="green">{t.deadLetters.applied}</Tag>
                        ) : (
                          <Button
                            size="small"
                            onClick={() => replay.mutate({ topic: topic.topic, positions: [l.position] })}
                          >
                            {t.deadLetters.replay}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          ))}
      </Space>
      <Drawer
        open={Boolean(open)}
        width={640}
        title={open ? `${open.topic} ${open.letter.position}` : ''}
        onClose={() => setOpen(undefined)}
      >
        <ErrorAlert error={detail.error} />
        {detail.data && (
          <>
            <Typography.Title level={5}>{t.deadLetters.message}</Typography.Title>
            <Typography.Paragraph>{detail.data.errorMessage}</Typography.Paragraph>
            {detail.data.reasons.map((r) => (
              <div key={r.field}>
                <Tag>{r.field}</Tag> {r.reasons.join('; ')}
              </div>
            ))}
            <Typography.Title level={5}>{t.deadLetters.headers}</Typography.Title>
            <pre style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(detail.data.headers, null, 2)}</pre>
            <Typography.Title level={5}>{t.deadLetters.value}</Typography.Title>
            <pre style={{ whiteSpace: 'pre-wrap' }}>
              {detail.data.json ? JSON.stringify(detail.data.json, null, 2) : detail.data.value}
            </pre>
          </>
        )}
      </Drawer>
    </Page>
  );
}
