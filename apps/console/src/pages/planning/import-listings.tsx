import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Space, Statistic, Upload, Row, Col } from 'antd';
import { useState } from 'react';
import { ApiError, authorizedHeaders, errorOf } from '../../api/client';
import type { planning } from '../../api/generated';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { Table } from '../../shared/table';

type Report = planning.components['schemas']['ImportReport'];
type RowError = planning.components['schemas']['ImportRowError'];

const contentType = (file: File) =>
  /\.(ndjson|jsonl)$/i.test(file.name) || file.type === 'application/x-ndjson'
    ? 'application/x-ndjson'
    : 'text/csv';

/** Streams the file as the request body (XMLHttpRequest for upload progress). */
async function upload(file: File, onProgress: (percent: number) => void): Promise<Report> {
  const headers = await authorizedHeaders();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/planning/listings/import');
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('content-type', contentType(file));
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new ApiError(0, 'network error'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Report);
      else reject(errorOf(xhr.status, body));
    };
    xhr.send(file);
  });
}

function errorsCsv(errors: RowError[]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return ['row,field,reason', ...errors.map((e) => [e.row, e.field, e.reason].map(cell).join(','))].join(
    '\n',
  );
}

export default function ImportListings() {
  const { t } = useLanguage();
  const [file, setFile] = useState<File>();
  const [percent, setPercent] = useState(0);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<unknown>();

  const start = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    setPercent(0);
    try {
      setReport(await upload(file, setPercent));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const download = () => {
    if (!report) return;
    const url = URL.createObjectURL(
      new Blob(['\ufeff', errorsCsv(report.errors)], { type: 'text/csv;charset=utf-8' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = `import-errors-${file?.name ?? 'listings'}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Page title={t.importListings.title}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Upload.Dragger
            accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(undefined)}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t.importListings.choose}</p>
            <p className="ant-upload-hint">{t.importListings.hint}</p>
          </Upload.Dragger>
          <Space style={{ marginTop: 16 }} wrap>
            <Button type="primary" disabled={!file} loading={busy} onClick={() => void start()}>
              {t.importListings.start}
            </Button>
          </Space>
          {(busy || percent > 0) && (
            <Progress
              percent={percent}
              aria-label={t.importListings.progress}
              status={busy ? 'active' : 'success'}
            />
          )}
        </Card>
        <ErrorAlert error={error} />
        {report && (
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.importListings.done}</h2>}
            data-testid="import-report"
          >
            <Row gutter={16}>
              <Col xs={8}>
                <Statistic title={t.importListings.received} value={report.received} />
              </Col>
              <Col xs={8}>
                <Statistic title={t.importListings.accepted} value={report.accepted} />
              </Col>
              <Col xs={8}>
                <Statistic title={t.importListings.rejected} value={report.rejected} />
              </Col>
            </Row>
            {report.errors.length > 0 && (
              <>
                {report.errorsTruncated && (
                  <Alert
                    type="info"
                    showIcon
                    message={t.importListings.truncated}
                    style={{ marginTop: 12 }}
                  />
                )}
                <Space style={{ margin: '12px 0' }}>
                  <Button onClick={download}>{t.importListings.downloadErrors}</Button>
                </Space>
                <Table<RowError>
                  size="small"
                  rowKey={(e) => `${e.row}-${e.field}`}
                  dataSource={report.errors}
                  pagination={{ pageSize: 20 }}
                  scroll={{ x: 500 }}
                  columns={[
                    { title: t.importListings.row, dataIndex: 'row', width: 90 },
                    { title: t.importListings.field, dataIndex: 'field', width: 180 },
                    { title: t.importListings.reason, dataIndex: 'reason' },
                  ]}
                />
              </>
            )}
          </Card>
        )}
      </Space>
    </Page>
  );
}
