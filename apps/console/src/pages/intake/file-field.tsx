import { Progress, Typography } from 'antd';
import { useState } from 'react';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { uploadIntakeEvidence, type IntakeEvidenceKind, type UploadedFile } from './evidence-upload';

interface Props {
  id: string;
  label: string;
  kind: IntakeEvidenceKind;
  batchNumber: string;
  accept: string;
  multiple?: boolean;
  onUploaded(file: UploadedFile): void;
}

interface Row {
  name: string;
  percent: number;
  done?: UploadedFile;
  error?: unknown;
}

/**
 * A file input that sends each chosen file to the evidence store at once, with a progress bar per
 * file and the SHA-256 the store confirmed.
 */
export function FileField({ id, label, kind, batchNumber, accept, multiple, onUploaded }: Props) {
  const { t } = useLanguage();
  const [rows, setRows] = useState<Row[]>([]);
  const update = (index: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const choose = (files: FileList | null) => {
    if (!files) return;
    const list = [...files];
    const base = multiple ? rows.length : 0;
    setRows((all) => [...(multiple ? all : []), ...list.map((f) => ({ name: f.name, percent: 0 }))]);
    list.forEach((file, i) => {
      uploadIntakeEvidence(file, kind, batchNumber, (percent) => update(base + i, { percent }))
        .then((done) => {
          update(base + i, { done, percent: 100 });
          onUploaded(done);
        })
        .catch((error: unknown) => update(base + i, { error }));
    });
  };

  return (
    <div data-testid={`upload-${kind}`} style={{ marginBottom: 12 }}>
      <label htmlFor={id} style={{ display: 'block', fontWeight: 500 }}>
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        onChange={(e) => choose(e.target.files)}
        style={{ maxWidth: '100%' }}
      />
      {rows.map((r) => (
        <div key={r.name} style={{ marginTop: 4 }}>
          <Typography.Text>{r.name}</Typography.Text>
          <Progress
            percent={r.percent}
            size="small"
            status={r.error ? 'exception' : r.done ? 'success' : 'active'}
            aria-label={`${r.done ? t.intake.uploaded : t.intake.uploading} ${r.name}`}
          />
          {r.done ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }} data-uploaded>
              {t.intake.sha256}: {r.done.sha256}
            </Typography.Text>
          ) : null}
          {r.error ? <ErrorAlert error={r.error} /> : null}
        </div>
      ))}
    </div>
  );
}
