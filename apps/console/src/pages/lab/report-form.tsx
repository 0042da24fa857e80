import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Progress,
  Row,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { fill, useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { PdfViewer } from '../../shared/pdf/pdf-viewer';
import { idempotencyKey, type Assignment, type ReportItem, type SubmittedReport } from './lab-api';
import { uploadReportPdf, type UploadedPdf } from './pdf-upload';
import { Table } from '../../shared/table';

/** Today in Asia/Shanghai, YYYY-MM-DD. */
const shanghaiToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

interface Row {
  item: string;
  mandatory: boolean;
  requirement?: string;
  measuredValue?: string;
  unit?: string;
  standard?: string;
  verdict?: 'pass' | 'fail';
}

interface Values {
  reportNumber: string;
  amendmentReason?: string;
  conditionOnReceipt: string;
  receivedOn: string;
  testedFrom: string;
  testedTo: string;
  rows: Row[];
  verdict: 'pass' | 'fail';
  authorisedBy: string;
  authorisedTitle: string;
  issuedOn: string;
}

/**
 * The report on an accepted assignment: one row per test item of the category, the overall
 * verdict, number, dates and signatory, and the signed PDF in the evidence store. With a report
 * already in, the same form makes an amended report naming the latest one.
 */
export function ReportForm({ assignment, latest }: { assignment: Assignment; latest?: SubmittedReport }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [pdf, setPdf] = useState<UploadedPdf>();
  // The file as uploaded, previewed in the page so the lab checks what the store now holds.
  const [pdfFile, setPdfFile] = useState<File>();
  const [percent, setPercent] = useState<number>();
  const [pdfMissing, setPdfMissing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const key = useRef(idempotencyKey());

  const catalogue = useQuery({
    queryKey: ['lab', 'test-items', assignment.category],
    queryFn: () =>
      unwrap(
        api.labGateway.GET('/test-items/{category}', { params: { path: { category: assignment.category } } }),
      ),
  });

  const upload = useMutation({
    mutationFn: (file: File) => {
      setPercent(0);
      return uploadReportPdf(file, assignment.batchNumber, setPercent);
    },
    onSuccess: (uploaded, file) => {
      setPdf(uploaded);
      setPdfFile(file);
      setPdfMissing(false);
    },
  });

  const submit = useMutation({
    mutationFn: (v: Values) => {
      // The form keeps only its fields: each row's item and flag come from the catalogue.
      const rows = (catalogue.data ?? []).map((c, i) => ({
        ...v.rows[i],
        item: c.item,
        mandatory: c.mandatory,
      }));
      const items: ReportItem[] = rows
        .filter((r) => r.mandatory || r.measuredValue)
        .map((r) => ({
          item: r.item,
          standard: r.standard ?? '',
          requirement: r.requirement ?? '',
          measuredValue: r.measuredValue ?? '',
          ...(r.unit ? { unit: r.unit } : {}),
          verdict: r.verdict ?? 'pass',
        }));
      const issuedAt = new Date(Math.min(Date.now(), Date.parse(`${v.issuedOn}T09:00:00+08:00`)));
      return unwrap(
        api.labGateway.POST('/v1/assignments/{id}/reports', {
          params: { path: { id: assignment.id }, header: { 'Idempotency-Key': key.current } },
          body: {
            reportNumber: v.reportNumber,
            ...(latest
              ? { amendsReportNumber: latest.reportNumber, amendmentReason: v.amendmentReason }
              : {}),
            sample: {
              sampleCode: assignment.sampleCode,
              conditionOnReceipt: v.conditionOnReceipt,
              receivedOn: v.receivedOn,
            },
            testedFrom: v.testedFrom,
            testedTo: v.testedTo,
            items,
            verdict: v.verdict,
            failingItems: items.filter((i) => i.verdict === 'fail').map((i) => i.item),
            reportDocumentId: pdf!.objectId,
            authorisedBy: v.authorisedBy,
            authorisedTitle: v.authorisedTitle,
            issuedAt: issuedAt.toISOString(),
          },
        }),
      );
    },
    onSuccess: () => {
      void message.success(t.lab.submitted);
      key.current = idempotencyKey();
      setPdf(undefined);
      setPdfFile(undefined);
      setPercent(undefined);
      form.resetFields(['reportNumber', 'amendmentReason']);
      void queries.invalidateQueries({ queryKey: ['lab'] });
    },
  });

  if (!catalogue.data) return <ErrorAlert error={catalogue.error} />;
  const today = shanghaiToday();
  const initial: Partial<Values> = {
    receivedOn: today,
    testedFrom: today,
    testedTo: today,
    issuedOn: today,
    verdict: 'pass',
    conditionOnReceipt: '封样完好，包装无破损',
    rows: catalogue.data.map((c) => ({
      item: c.item,
      mandatory: c.mandatory,
      standard: assignment.productStandard ?? '',
      verdict: 'pass',
    })),
  };
  const required = [{ required: true, message: t.lab.required }];
  const cell = (index: number, field: keyof Row, label: string, item: string) => (
    <Form.Item name={['rows', index, field]} noStyle rules={field === 'unit' ? [] : undefined}>
      <Input aria-label={`${item} ${label}`} />
    </Form.Item>
  );
  const title = latest ? t.lab.amendForm : t.lab.reportForm;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} data-testid="report-form">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => {
          if (!pdf) {
            setPdfMissing(true);
            return;
          }
          submit.mutate(v);
        }}
      >
        {latest ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={fill(t.lab.amendsHint, { n: latest.reportNumber })}
          />
        ) : null}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="reportNumber" label={t.lab.reportNumber} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          {latest ? (
            <Col xs={24} md={16}>
              <Form.Item name="amendmentReason" label={t.lab.amendmentReason} rules={required}>
                <Input />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="receivedOn" label={t.lab.receivedOn} rules={required}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="testedFrom" label={t.lab.testedFrom} rules={required}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="testedTo" label={t.lab.testedTo} rules={required}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="conditionOnReceipt" label={t.lab.condition} rules={required}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Table<Row & { index: number }>
          size="small"
          rowKey="item"
          pagination={false}
          scroll={{ x: 900 }}
          style={{ marginBottom: 16 }}
          dataSource={(initial.rows ?? []).map((r, index) => ({ ...r, index }))}
          columns={[
            {
              title: t.lab.item,
              dataIndex: 'item',
              width: 150,
              render: (item: string, r) => (
                <>
                  {item} {r.mandatory ? <Tag>{t.lab.mandatory}</Tag> : null}
                </>
              ),
            },
            {
              title: t.lab.requirement,
              render: (_, r) => cell(r.index, 'requirement', t.lab.requirement, r.item),
            },
            {
              title: t.lab.measuredValue,
              render: (_, r) => cell(r.index, 'measuredValue', t.lab.measuredValue, r.item),
            },
            { title: t.lab.unit, width: 90, render: (_, r) => cell(r.index, 'unit', t.lab.unit, r.item) },
            { title: t.lab.method, render: (_, r) => cell(r.index, 'standard', t.lab.method, r.item) },
            {
              title: t.lab.itemVerdict,
              width: 170,
              render: (_, r) => (
                <div role="radiogroup" aria-label={`${r.item} ${t.lab.itemVerdict}`}>
                  <Form.Item name={['rows', r.index, 'verdict']} noStyle>
                    <Radio.Group
                      options={[
                        { value: 'pass', label: t.lab.verdicts.pass },
                        { value: 'fail', label: t.lab.verdicts.fail },
                      ]}
                    />
                  </Form.Item>
                </div>
              ),
            },
          ]}
        />
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="verdict" label={t.lab.verdict}>
              <Radio.Group
                options={[
                  { value: 'pass', label: t.lab.verdicts.pass },
                  { value: 'fail', label: t.lab.verdicts.fail },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="issuedOn" label={t.lab.issuedAt} rules={required}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="authorisedBy" label={t.lab.signatory} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="authorisedTitle" label={t.lab.signatoryTitle} rules={required}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label={t.lab.pdf}
          required
          validateStatus={pdfMissing ? 'error' : undefined}
          help={pdfMissing ? t.lab.pdfRequired : undefined}
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <input
              ref={fileInput}
              type="file"
              accept="application/pdf"
              aria-label={t.lab.pdf}
              style={{ display: 'none' }}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) upload.mutate(file);
                e.target.value = '';
              }}
            />
            <Button
              icon={<UploadOutlined />}
              loading={upload.isPending}
              onClick={() => fileInput.current?.click()}
            >
              {t.lab.choosePdf}
            </Button>
            {percent !== undefined ? (
              <Progress
                percent={percent}
                status={upload.isError ? 'exception' : percent === 100 ? 'success' : 'active'}
                aria-label={t.lab.uploading}
              />
            ) : null}
            {pdf ? (
              <div data-testid="pdf-uploaded">
                <Typography.Text type="success">
                  {t.lab.uploaded}: {pdf.fileName}
                </Typography.Text>
                <div>
                  {t.lab.sha256}:{' '}
                  <Typography.Text code style={{ wordBreak: 'break-all' }}>
                    {pdf.sha256}
                  </Typography.Text>
                </div>
              </div>
            ) : null}
            {pdf && pdfFile ? (
              <PdfViewer
                documentKey={`lab-report:${pdf.objectId}`}
                load={() => Promise.resolve(pdfFile)}
                fileName={pdf.fileName}
                title={pdf.fileName}
                testId="report-pdf"
              />
            ) : null}
            <ErrorAlert error={upload.error} />
          </Space>
        </Form.Item>
        <ErrorAlert error={submit.error} />
        <Button type="primary" htmlType="submit" loading={submit.isPending} style={{ marginTop: 8 }}>
          {latest ? t.lab.submitAmendment : t.lab.submitReport}
        </Button>
      </Form>
    </Card>
  );
}
