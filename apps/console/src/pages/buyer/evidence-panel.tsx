import { Button, Card, Progress, Space, Tag, Typography, Upload } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useLanguage } from '../../i18n/language';
import { EvidenceUpload, type UploadProgress } from '../../shared/upload';
import { PACKAGE_KINDS, SEVERAL, type EvidenceItem, type PackageKind } from './buyer-api';

interface Row {
  key: string;
  kind: PackageKind;
  fileName: string;
  upload: EvidenceUpload;
  progress: UploadProgress;
  objectId?: string;
  /** goes on from an upload an earlier page left unfinished */
  resumed: boolean;
}

const bytes = (n: number): string =>
  n >= 1024 * 1024 * 1024
    ? `${(n / 1024 / 1024 / 1024).toFixed(2)} GiB`
    : n >= 1024 * 1024
      ? `${(n / 1024 / 1024).toFixed(1)} MiB`
      : `${Math.ceil(n / 1024)} KiB`;

/**
 * The evidence files of the purchase package, one row per kind: each file hashed and uploaded from
 * the browser with its own progress bar; an interrupted upload resumes where it stopped.
 * `onStored` hears of each finalized object; `saved` are the items already in the package.
 */
export function EvidencePanel({
  batchNumber,
  saved,
  editable,
  onStored,
}: {
  batchNumber: string;
  saved: readonly EvidenceItem[];
  editable: boolean;
  onStored: (item: EvidenceItem) => void;
}) {
  const { t } = useLanguage();
  const w = t.buyerWork;
  const [rows, setRows] = useState<Row[]>([]);
  const counter = useRef(0);

  const update = useCallback((key: string, patch: Partial<Row>) => {
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  }, []);

  const run = useCallback(
    (row: Pick<Row, 'key' | 'kind' | 'upload'>) => {
      row.upload.run().then(
        (stored) => {
          update(row.key, { objectId: stored.objectId });
          onStored({ kind: row.kind, objectId: stored.objectId });
        },
        () => undefined, // the row shows the interruption and offers to resume
      );
    },
    [onStored, update],
  );

  const start = (kind: PackageKind, file: File) => {
    const key = `${kind}-${++counter.current}`;
    const upload = new EvidenceUpload(file, { kind, batchNumber }, (progress) => update(key, { progress }));
    const row: Row = {
      key,
      kind,
      fileName: file.name,
      upload,
      resumed: upload.resumed,
      progress: { phase: 'waiting', loaded: 0, total: file.size, percent: 0 },
    };
    setRows((all) => [...all, row]);
    run(row);
  };

  const savedIds = new Set(saved.map((i) => i.objectId));

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{w.evidenceSection}</h2>} data-testid="evidence">
      <Typography.Paragraph type="secondary">{w.evidenceHint}</Typography.Paragraph>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {PACKAGE_KINDS.map((kind) => {
          const inPackage = saved.filter((i) => i.kind === kind);
          const mine = rows.filter((r) => r.kind === kind);
          const headingId = `evidence-${kind}-heading`;
          return (
            <section
              key={kind}
              aria-labelledby={headingId}
              data-testid={`evidence-${kind}`}
              style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 12 }}
            >
              <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between' }}>
                <h3 id={headingId} style={{ fontSize: 14, margin: 0 }}>
                  {w.kinds[kind]}{' '}
                  {inPackage.length > 0 ? (
                    <Tag color="green">
                      {w.savedInPackage} ({inPackage.length})
                    </Tag>
                  ) : null}
                </h3>
                {editable ? (
                  <Upload
                    multiple={SEVERAL.has(kind)}
                    showUploadList={false}
                    beforeUpload={(file) => {
                      start(kind, file);
                      return false;
                    }}
                  >
                    <Button aria-label={`${w.chooseFile}: ${w.kinds[kind]}`}>{w.chooseFile}</Button>
                  </Upload>
                ) : null}
              </Space>
              {mine.map((row) => {
                const { phase, percent, loaded, total, error } = row.progress;
                const stored = Boolean(row.objectId);
                return (
                  <div key={row.key} data-testid="upload-row" data-phase={phase} style={{ marginTop: 8 }}>
                    <Space wrap size={8}>
                      <Typography.Text strong>{row.fileName}</Typography.Text>
                      <Typography.Text type="secondary">
                        {w.phases[phase]} ·{' '}
                        {bytes(phase === 'hashing' || phase === 'uploading' ? loaded : total)}
                        {phase === 'hashing' || phase === 'uploading' ? ` / ${bytes(total)}` : ''}
                      </Typography.Text>
                      {row.resumed ? (
                        <Tag color="blue" data-testid="resumed">
                          {w.resumedFromEarlier}
                        </Tag>
                      ) : null}
                      {stored ? (
                        <Typography.Text type="secondary">
                          {savedIds.has(row.objectId as string) ? w.savedInPackage : w.notSavedYet}
                        </Typography.Text>
                      ) : null}
                    </Space>
                    <Progress
                      percent={phase === 'finalizing' ? 99 : percent}
                      status={phase === 'interrupted' ? 'exception' : phase === 'done' ? 'success' : 'active'}
                      aria-label={`${w.kinds[kind]} ${row.fileName} ${w.phases[phase]}`}
                      data-phase={phase}
                    />
                    {phase === 'interrupted' ? (
                      <Space wrap>
                        <Typography.Text type="danger" role="alert">
                          {error}
                        </Typography.Text>
                        <Button size="small" onClick={() => run(row)}>
                          {w.resume}
                        </Button>
                      </Space>
                    ) : null}
                  </div>
                );
              })}
            </section>
          );
        })}
      </Space>
    </Card>
  );
}
