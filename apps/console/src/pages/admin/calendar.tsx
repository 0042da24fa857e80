import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { enforcement } from '../../api/generated';
import { useSession } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { Table } from '../../shared/table';

type Summary = enforcement.components['schemas']['CalendarYearSummaryView'];
type Submit = enforcement.components['schemas']['SubmitHolidayScheduleCommand'];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `2027-02-05~2027-02-11` → every day of the range; single days as they are. */
function daysOf(text: string): string[] {
  return text
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .flatMap((part) => {
      const [from, to] = part.split('~');
      if (!to || !DAY.test(from!) || !DAY.test(to)) return [part];
      const days: string[] = [];
      for (
        let d = new Date(`${from}T00:00:00Z`);
        d <= new Date(`${to}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + 1)
      )
        days.push(d.toISOString().slice(0, 10));
      return days;
    });
}

/** "春节: 2027-02-05~2027-02-11" lines → holiday periods (the service validates every date). */
function holidaysOf(text: string): Submit['holidays'] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.search(/[:：]/);
      return at < 0
        ? { name: line, dates: [] }
        : { name: line.slice(0, at).trim(), dates: daysOf(line.slice(at + 1)) };
    });
}

/** The bureau's holiday schedules: load next year's from the State Council's notice, a second admin approves it. */
export default function Calendar() {
  const { t, language } = useLanguage();
  const session = useSession();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [year, setYear] = useState<number>();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const isAdmin = session.roles.includes('admin');

  const years = useQuery({
    queryKey: ['calendar'],
    queryFn: () => unwrap(api.enforcement.GET('/calendar/years', {})),
  });
  const detail = useQuery({
    queryKey: ['calendar', year],
    enabled: year !== undefined,
    queryFn: () =>
      unwrap(api.enforcement.GET('/calendar/years/{year}', { params: { path: { year: year! } } })),
  });
  const refresh = (text: string) => {
    void message.success(text);
    void queries.invalidateQueries({ queryKey: ['calendar'] });
  };
  const submit = useMutation({
    mutationFn: (v: {
      year: number;
      noticeReference: string;
      noticeUrl?: string;
      holidays: string;
      adjusted: string;
    }) =>
      unwrap(
        api.enforcement.POST('/calendar/years', {
          body: {
            year: v.year,
            noticeReference: v.noticeReference,
            ...(v.noticeUrl ? { noticeUrl: v.noticeUrl } : {}),
            holidays: holidaysOf(v.holidays),
            adjustedWorkingDays: daysOf(v.adjusted ?? ''),
          },
        }),
      ),
    onSuccess: (s) => {
      setYear(s.year);
      refresh(t.calendar.submitted);
    },
  });
  const pending = detail.data?.pending as { id: string; submittedBy: string } | undefined;
  const path = { params: { path: { year: year! } } };
  const approve = useMutation({
    mutationFn: () =>
      unwrap(
        api.enforcement.POST('/calendar/years/{year}/approve', {
          ...path,
          body: { scheduleId: pending!.id },
        }),
      ),
    onSuccess: () => refresh(t.calendar.approved),
  });
  const sendBack = useMutation({
    mutationFn: () =>
      unwrap(
        api.enforcement.POST('/calendar/years/{year}/return', {
          ...path,
          body: { scheduleId: pending!.id, reason },
        }),
      ),
    onSuccess: () => {
      setReturning(false);
      refresh(t.calendar.returned);
    },
  });
  const own = pending?.submittedBy === session.subject;

  return (
    <Page title={t.menu.calendar}>
      <ErrorAlert error={years.error ?? submit.error ?? approve.error ?? sendBack.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.menu.calendar}</h2>}>
            <Table<Summary>
              size="small"
              rowKey="year"
              // Newest first: next year's schedule is the one to load each autumn.
              pagination={{ pageSize: 6, showSizeChanger: false }}
              loading={years.isLoading}
              dataSource={[...(years.data ?? [])].sort((a, b) => b.year - a.year)}
              onRow={(r) => ({ onClick: () => setYear(r.year), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: t.calendar.year,
                  dataIndex: 'year',
                  render: (y: number) => (
                    <Button type="link" onClick={() => setYear(y)}>
                      {y}
                    </Button>
                  ),
                },
                {
                  title: t.calendar.source,
                  dataIndex: 'source',
                  render: (s: Summary['source']) => (
                    <Tag color={s === 'none' ? 'red' : s === 'loaded' ? 'green' : 'blue'}>
                      {t.calendar.sources[s]}
                    </Tag>
                  ),
                },
                {
                  title: t.calendar.pending,
                  dataIndex: 'pendingScheduleId',
                  render: (id: unknown) => (id ? <Tag color="gold">{t.calendar.pending}</Tag> : '—'),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {detail.data && (
            <Card
              title={
                <h2
                  style={{ fontSize: 16, margin: 0 }}
                >{`${detail.data.year} · ${t.calendar.sources[detail.data.source]}`}</h2>
              }
            >
              <ErrorAlert error={detail.error} />
              {pending && isAdmin && (
                <Space wrap style={{ marginBottom: 12 }}>
                  <Tag color="gold">
                    {t.calendar.pending} · {t.calendar.submittedBy}: {pending.submittedBy}
                  </Tag>
                  <Button
                    type="primary"
                    disabled={own}
                    loading={approve.isPending}
                    onClick={() => approve.mutate()}
                  >
                    {t.calendar.approve}
                  </Button>
                  <Button danger disabled={own} onClick={() => setReturning(true)}>
                    {t.calendar.returnAction}
                  </Button>
                  {own && <Typography.Text type="warning">{t.calendar.fourEyes}</Typography.Text>}
                </Space>
              )}
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                {t.calendar.holidays}
              </Typography.Title>
              {detail.data.holidays.map((h) => (
                <div key={h.name}>
                  <b>{h.name}</b>: {h.dates.join(', ')}
                </div>
              ))}
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                {t.calendar.adjusted}
              </Typography.Title>
              <div>{detail.data.adjustedWorkingDays.join(', ') || '—'}</div>
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                {t.calendar.statutory}
              </Typography.Title>
              <div>{detail.data.statutoryHolidays.map((s) => `${s.name} ${s.date}`).join('; ')}</div>
              <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                {detail.data.schedules
                  .map((s) => `${s.status} · ${s.noticeReference} · ${shanghaiTime(s.submittedAt, language)}`)
                  .join(' | ')}
              </Typography.Paragraph>
            </Card>
          )}
        </Col>
      </Row>
      {isAdmin && (
        <Card
          style={{ marginTop: 16 }}
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.calendar.load}</h2>}
        >
          <Form
            layout="vertical"
            onFinish={(v) => submit.mutate(v)}
            initialValues={{ year: new Date().getFullYear() + 1 }}
          >
            <Form.Item name="year" label={t.calendar.year} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="noticeReference" label={t.calendar.noticeReference} rules={[{ required: true }]}>
              <Input placeholder="国办发明电〔2026〕×号" />
            </Form.Item>
            <Form.Item name="noticeUrl" label={t.calendar.noticeUrl}>
              <Input type="url" />
            </Form.Item>
            <Form.Item
              name="holidays"
              label={t.calendar.holidays}
              extra={t.calendar.holidaysHint}
              rules={[{ required: true }]}
            >
              <Input.TextArea rows={7} />
            </Form.Item>
            <Form.Item name="adjusted" label={t.calendar.adjusted} extra={t.calendar.adjustedHint}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submit.isPending}>
              {t.calendar.submit}
            </Button>
          </Form>
        </Card>
      )}
      <Modal
        open={returning}
        title={t.calendar.returnAction}
        okText={t.calendar.returnAction}
        cancelText={t.common.cancel}
        okButtonProps={{ disabled: reason.trim() === '', loading: sendBack.isPending }}
        onOk={() => sendBack.mutate()}
        onCancel={() => setReturning(false)}
      >
        <label htmlFor="calendar-return-reason">{t.calendar.reason}</label>
        <Input.TextArea
          id="calendar-return-reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Page>
  );
}
