import { PrinterOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Input,
  InputNumber,
  Row,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, unwrap } from '../../api/client';
import { fill, useLanguage } from '../../i18n/language';
import { Actor } from '../../shared/actor';
import { categoryOptions } from '../../shared/categories';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { PdfViewer } from '../../shared/pdf/pdf-viewer';
import { shanghaiTime } from '../../shared/time';
import { NotFound } from '../status-pages';
import { downloadLabels, downloadStored, labelsPdf, printLabels, viewStored } from './documents';
import type { SessionDetail } from './intake-api';
import { Table } from '../../shared/table';

type Custody = SessionDetail['custody'][number];
const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 8 }}>
      <label htmlFor={id} style={{ display: 'block' }}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** Sealing after the unpacking: seal numbers, units, the backup's place, who signs the strips. */
function SealForm({ session }: { session: SessionDetail }) {
  const { t, language } = useLanguage();
  const queries = useQueryClient();
  const signable = session.participants.filter((p) => p.role !== 'buyer');
  const [category, setCategory] = useState<string>();
  const [testSeal, setTestSeal] = useState('');
  const [backupSeal, setBackupSeal] = useState('');
  const [testUnits, setTestUnits] = useState(session.testUnits);
  const [backupUnits, setBackupUnits] = useState(session.backupUnits);
  const [storage, setStorage] = useState('');
  const [signers, setSigners] = useState<string[]>(signable.map((p) => `${p.role}|${p.name}`));
  const seal = useMutation({
    mutationFn: () =>
      unwrap(
        api.evidence.POST('/unpacking-sessions/{id}/sealing', {
          params: { path: { id: session.id } },
          body: {
            category: category ?? '',
            // The generated client lost SealedSample's properties (a class of @qis/contracts).
            testSample: { sealNumber: testSeal.trim(), units: testUnits } as never,
            backupSample: { sealNumber: backupSeal.trim(), units: backupUnits } as never,
            backupStorageLocation: storage.trim(),
            signatures: signers.map((s) => {
              const [role, ...name] = s.split('|');
              return {
                role: role as 'enforcement-officer' | 'lab-staff',
                name: name.join('|'),
                signedAt: now(),
              };
            }),
          },
        }),
      ),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['intake'] }),
  });
  const ready = category && testSeal.trim() && backupSeal.trim() && storage.trim();
  return (
    <Card title={heading(t.intake.sealing)} data-testid="seal-form">
      <Typography.Paragraph type="secondary">{t.intake.sealingHint}</Typography.Paragraph>
      <Row gutter={[16, 0]}>
        <Col xs={24} md={12} xl={8}>
          <Field id="seal-category" label={t.intake.category}>
            <Select
              id="seal-category"
              value={category}
              onChange={setCategory}
              options={categoryOptions(language)}
              style={{ width: '100%' }}
              showSearch
              optionFilterProp="label"
            />
          </Field>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Field id="test-seal" label={t.intake.testSeal}>
            <Input
              id="test-seal"
              value={testSeal}
              onChange={(e) => setTestSeal(e.target.value)}
              placeholder="FY2026-004561"
            />
          </Field>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Field id="backup-seal" label={t.intake.backupSeal}>
            <Input
              id="backup-seal"
              value={backupSeal}
              onChange={(e) => setBackupSeal(e.target.value)}
              placeholder="FY2026-004562"
            />
          </Field>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Field id="test-units" label={t.intake.testUnits}>
            <InputNumber
              id="test-units"
              min={1}
              max={100}
              value={testUnits}
              onChange={(v) => setTestUnits(v ?? 1)}
            />
          </Field>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Field id="backup-units" label={t.intake.backupUnits}>
            <InputNumber
              id="backup-units"
              min={1}
              max={100}
              value={backupUnits}
              onChange={(v) => setBackupUnits(v ?? 1)}
            />
          </Field>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Field id="backup-storage" label={t.intake.storage}>
            <Input
              id="backup-storage"
              value={storage}
              maxLength={200}
              onChange={(e) => setStorage(e.target.value)}
              placeholder="市局样品室 A-03-2"
            />
          </Field>
        </Col>
      </Row>
      <fieldset style={{ border: 0, padding: 0, margin: '8px 0' }}>
        <legend style={{ fontSize: 14, fontWeight: 500 }}>{t.intake.signers}</legend>
        <Checkbox.Group
          value={signers}
          onChange={(v) => setSigners(v as string[])}
          options={signable.map((p) => ({
            value: `${p.role}|${p.name}`,
            label: `${p.name}（${p.role === 'lab-staff' ? t.intake.labStaff : t.intake.officers}）`,
          }))}
        />
      </fieldset>
      <Space direction="vertical" style={{ width: '100%' }}>
        <ErrorAlert error={seal.error} />
        <Button type="primary" disabled={!ready} loading={seal.isPending} onClick={() => seal.mutate()}>
          {t.intake.seal}
        </Button>
      </Space>
    </Card>
  );
}

type SealedDocument = 'labels' | 'workOrder' | 'notice';

/** Labels and documents of the sealed sample: previewed in the page, printed or downloaded. */
function Documents({ session }: { session: SessionDetail }) {
  const { t } = useLanguage();
  const s = session.sealing!;
  const run = useMutation({ mutationFn: (job: () => Promise<void>) => job() });
  const [shown, setShown] = useState<SealedDocument>('labels');
  const previews: Record<SealedDocument, { key: string; fileName: string; load: () => Promise<Blob> }> = {
    labels: {
      key: `labels:${s.sampleCode}`,
      fileName: `${s.sampleCode}-labels.pdf`,
      load: () => labelsPdf(s.sampleCode),
    },
    workOrder: {
      key: `object:${s.workOrderObjectId}`,
      fileName: `${s.workOrderNumber}.pdf`,
      load: () => viewStored(s.workOrderObjectId),
    },
    notice: {
      key: `object:${s.noticeObjectId}`,
      fileName: `${s.sampleCode}-notice.pdf`,
      load: () => viewStored(s.noticeObjectId),
    },
  };
  const titles: Record<SealedDocument, string> = {
    labels: t.intake.labels,
    workOrder: t.intake.workOrder,
    notice: t.intake.samplingNotice,
  };
  const preview = previews[shown];
  return (
    <Card title={heading(t.intake.labels)} data-testid="documents">
      <Space wrap>
        <Button
          type="primary"
          icon={<PrinterOutlined aria-hidden />}
          onClick={() => run.mutate(() => printLabels(s.sampleCode))}
        >
          {t.intake.printLabels}
        </Button>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          onClick={() => run.mutate(() => downloadLabels(s.sampleCode))}
        >
          {t.intake.downloadLabels}
        </Button>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          onClick={() => run.mutate(() => downloadStored(s.workOrderObjectId, `${s.workOrderNumber}.pdf`))}
        >
          {t.intake.downloadWorkOrder}
        </Button>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          onClick={() => run.mutate(() => downloadStored(s.noticeObjectId, `${s.sampleCode}-notice.pdf`))}
        >
          {t.intake.downloadNotice}
        </Button>
      </Space>
      <div style={{ marginTop: 8 }}>
        <ErrorAlert error={run.error} />
      </div>
      <Segmented<SealedDocument>
        style={{ margin: '8px 0' }}
        value={shown}
        onChange={setShown}
        aria-label={t.intake.previewDocument}
        options={(['labels', 'workOrder', 'notice'] as const).map((d) => ({ value: d, label: titles[d] }))}
      />
      <PdfViewer
        documentKey={preview.key}
        load={preview.load}
        fileName={preview.fileName}
        title={titles[shown]}
        testId="documents-pdf"
      />
    </Card>
  );
}

/** A sealed sample handed to the lab (or back): the seal number read must be the one recorded. */
function HandOverForm({ session }: { session: SessionDetail }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [sample, setSample] = useState<'test' | 'backup'>('test');
  const [direction, setDirection] = useState<'to-lab' | 'from-lab'>('to-lab');
  const [labId, setLabId] = useState('');
  const [counterpart, setCounterpart] = useState('');
  const [sealNumber, setSealNumber] = useState('');
  const [intact, setIntact] = useState(true);
  const hand = useMutation({
    mutationFn: () =>
      unwrap(
        api.evidence.POST('/samples/{sampleCode}/hand-overs', {
          params: { path: { sampleCode: session.sealing!.sampleCode } },
          body: {
            sample,
            direction,
            labId: labId.trim(),
            counterpart: counterpart.trim(),
            sealNumber: sealNumber.trim(),
            sealIntact: intact,
          },
        }),
      ),
    onSuccess: () => {
      void message.success(t.intake.handedOver);
      setSealNumber('');
      void queries.invalidateQueries({ queryKey: ['intake'] });
    },
  });
  return (
    <Card title={heading(t.intake.handOver)} data-testid="hand-over-form" style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary">{t.intake.handOverHint}</Typography.Paragraph>
      <Field id="hand-sample" label={t.intake.sample}>
        <Select
          id="hand-sample"
          value={sample}
          onChange={setSample}
          style={{ width: '100%' }}
          options={(['test', 'backup'] as const).map((v) => ({ value: v, label: t.intake.samples[v] }))}
        />
      </Field>
      <Field id="hand-direction" label={t.intake.direction}>
        <Select
          id="hand-direction"
          value={direction}
          onChange={setDirection}
          style={{ width: '100%' }}
          options={(['to-lab', 'from-lab'] as const).map((v) => ({
            value: v,
            label: t.intake.directions[v],
          }))}
        />
      </Field>
      <Field id="hand-lab" label={t.intake.labId}>
        <Input id="hand-lab" value={labId} onChange={(e) => setLabId(e.target.value)} />
      </Field>
      <Field id="hand-counterpart" label={t.intake.counterpart}>
        <Input
          id="hand-counterpart"
          value={counterpart}
          maxLength={50}
          onChange={(e) => setCounterpart(e.target.value)}
        />
      </Field>
      <Field id="hand-seal" label={t.intake.sealNumberRead}>
        <Input id="hand-seal" value={sealNumber} onChange={(e) => setSealNumber(e.target.value)} />
      </Field>
      <Checkbox checked={intact} onChange={(e) => setIntact(e.target.checked)}>
        {t.intake.sealIntact}
      </Checkbox>
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        <ErrorAlert error={hand.error} />
        <Button
          type="primary"
          disabled={!labId.trim() || !counterpart.trim() || !sealNumber.trim()}
          loading={hand.isPending}
          onClick={() => hand.mutate()}
        >
          {t.intake.recordHandOver}
        </Button>
      </Space>
    </Card>
  );
}

const PARTIES = ['applicant', 'original-lab', 'reinspection-lab', 'enforcement-officer'] as const;
type Party = (typeof PARTIES)[number];

/** Re-sealing for re-inspection: the applicant, both labs and an enforcement officer sign again. */
function ResealForm({ session }: { session: SessionDetail }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [sample, setSample] = useState<'test' | 'backup'>('backup');
  const [newSeal, setNewSeal] = useState('');
  const [reason, setReason] = useState('复检');
  const [names, setNames] = useState<Record<Party, string>>({
    applicant: '',
    'original-lab': '',
    'reinspection-lab': '',
    'enforcement-officer': '',
  });
  const label: Record<Party, string> = {
    applicant: t.intake.applicant,
    'original-lab': t.intake.originalLab,
    'reinspection-lab': t.intake.reinspectionLab,
    'enforcement-officer': t.intake.officer,
  };
  const reseal = useMutation({
    mutationFn: () =>
      unwrap(
        api.evidence.POST('/samples/{sampleCode}/reseals', {
          params: { path: { sampleCode: session.sealing!.sampleCode } },
          body: {
            sample,
            newSealNumber: newSeal.trim(),
            reason: reason.trim(),
            signatures: PARTIES.filter((p) => names[p].trim()).map((role) => ({
              role,
              name: names[role].trim(),
              signedAt: now(),
            })),
          },
        }),
      ),
    onSuccess: () => {
      void message.success(t.intake.resealed);
      setNewSeal('');
      void queries.invalidateQueries({ queryKey: ['intake'] });
    },
  });
  return (
    <Card title={heading(t.intake.reseal)} data-testid="reseal-form" style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary">{t.intake.resealHint}</Typography.Paragraph>
      <Field id="reseal-sample" label={t.intake.sample}>
        <Select
          id="reseal-sample"
          value={sample}
          onChange={setSample}
          style={{ width: '100%' }}
          options={(['backup', 'test'] as const).map((v) => ({ value: v, label: t.intake.samples[v] }))}
        />
      </Field>
      <Field id="reseal-new" label={t.intake.newSeal}>
        <Input id="reseal-new" value={newSeal} onChange={(e) => setNewSeal(e.target.value)} />
      </Field>
      <Field id="reseal-reason" label={t.intake.resealReason}>
        <Input
          id="reseal-reason"
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 14, fontWeight: 500 }}>{t.intake.resealParties}</legend>
        {PARTIES.map((p) => (
          <Field key={p} id={`reseal-${p}`} label={label[p]}>
            <Input
              id={`reseal-${p}`}
              value={names[p]}
              maxLength={50}
              onChange={(e) => setNames((n) => ({ ...n, [p]: e.target.value }))}
            />
          </Field>
        ))}
      </fieldset>
      <Space direction="vertical" style={{ width: '100%' }}>
        <ErrorAlert error={reseal.error} />
        <Button
          type="primary"
          disabled={!newSeal.trim() || !reason.trim()}
          loading={reseal.isPending}
          onClick={() => reseal.mutate()}
        >
          {t.intake.resealButton}
        </Button>
      </Space>
    </Card>
  );
}

/** One unpacking: who was present, what was recorded; sealing, labels, hand-over and re-sealing. */
export default function Session() {
  const { id = '' } = useParams();
  const { t, language } = useLanguage();
  const session = useQuery({
    queryKey: ['intake', 'session', id],
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
    queryFn: () => unwrap(api.evidence.GET('/unpacking-sessions/{id}', { params: { path: { id } } })),
  });
  if (session.error instanceof ApiError && session.error.status === 404) return <NotFound />;
  const s = session.data;
  if (!s)
    return (
      <Page title={t.intake.unpackingTitle}>
        <ErrorAlert error={session.error} />
        {!session.error ? <Typography.Text>{t.common.loading}</Typography.Text> : null}
      </Page>
    );
  const people = (role: string) =>
    s.participants
      .filter((p) => p.role === role)
      .map((p) => p.name)
      .join('、');
  const claimed = s.claimed as Record<string, unknown>;
  const sealing = s.sealing;
  return (
    <Page
      title={fill(t.intake.sessionTitle, { batch: s.batchNumber })}
      extra={
        <Tag color={s.status === 'open' ? 'gold' : 'green'}>{t.intake.statuses[s.status] ?? s.status}</Tag>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {sealing ? (
          <Alert
            type="success"
            showIcon
            data-testid="sealed"
            message={fill(t.intake.sealed, { code: sealing.sampleCode })}
            description={<Link to={`/batches/${s.batchNumber}`}>{t.intake.timeline}</Link>}
          />
        ) : null}
        <Card title={heading(t.intake.participants)}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t.intake.batch}>
              <Link to={`/batches/${s.batchNumber}`}>{s.batchNumber}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t.intake.at}>{shanghaiTime(s.openedAt, language)}</Descriptions.Item>
            <Descriptions.Item label={t.intake.buyer}>
              <Typography.Text code>{people('buyer')}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t.intake.officers}>{people('enforcement-officer')}</Descriptions.Item>
            <Descriptions.Item label={t.intake.labStaff}>{people('lab-staff')}</Descriptions.Item>
            <Descriptions.Item label={t.intake.actor}>
              <Actor id={s.openedBy} />
            </Descriptions.Item>
            {Object.entries(claimed)
              .filter(([, v]) => v !== undefined && v !== null && v !== '')
              .map(([k, v]) => (
                <Descriptions.Item key={k} label={(t.intake as Record<string, unknown>)[k] as string}>
                  {typeof v === 'boolean' ? (v ? t.common.yes : t.common.no) : String(v)}
                </Descriptions.Item>
              ))}
          </Descriptions>
        </Card>
        {s.status === 'open' ? <SealForm session={s} /> : null}
        {sealing ? (
          <>
            <Card title={heading(t.intake.sealing)}>
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
                <Descriptions.Item label={t.intake.sampleCode}>
                  <Typography.Text strong data-testid="sample-code">
                    {sealing.sampleCode}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t.intake.testSeal}>
                  {sealing.testSealNumber} × {sealing.testUnits}
                </Descriptions.Item>
                <Descriptions.Item label={t.intake.backupSeal}>
                  {sealing.backupSealNumber} × {sealing.backupUnits}
                </Descriptions.Item>
                <Descriptions.Item label={t.intake.storage}>
                  {sealing.backupStorageLocation}
                </Descriptions.Item>
                <Descriptions.Item label={t.intake.workOrderNumber}>
                  {sealing.workOrderNumber}
                </Descriptions.Item>
                <Descriptions.Item label={t.intake.signers}>
                  {sealing.signatures.map((x) => x.name).join('、')}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Documents session={s} />
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <HandOverForm session={s} />
              </Col>
              <Col xs={24} lg={12}>
                <ResealForm session={s} />
              </Col>
            </Row>
            <Card title={heading(t.intake.custody)}>
              <Table<Custody>
                size="small"
                rowKey={(c) => `${c.at}-${c.action}-${c.sample}`}
                pagination={false}
                scroll={{ x: 760 }}
                dataSource={s.custody}
                data-testid="custody"
                columns={[
                  {
                    title: t.intake.at,
                    dataIndex: 'at',
                    width: 150,
                    render: (v: string) => shanghaiTime(v, language),
                  },
                  {
                    title: t.intake.step,
                    dataIndex: 'action',
                    width: 140,
                    render: (v: string) => t.intake.custodyActions[v] ?? v,
                  },
                  {
                    title: t.intake.sample,
                    dataIndex: 'sample',
                    width: 110,
                    render: (v: string) => t.intake.samples[v] ?? v,
                  },
                  { title: t.intake.sealNumberRead, dataIndex: 'sealNumber', width: 140 },
                  {
                    title: t.intake.detail,
                    render: (_, c) =>
                      [c.labId, c.counterpart, c.reason, c.sealIntact === false ? '✗' : null]
                        .filter(Boolean)
                        .join(' · ') || '—',
                  },
                  {
                    title: t.intake.actor,
                    dataIndex: 'actor',
                    width: 120,
                    render: (v: string) => <Actor id={v} />,
                  },
                ]}
              />
            </Card>
          </>
        ) : null}
      </Space>
    </Page>
  );
}
