import { Button, Progress, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import {
  EvidenceUpload,
  type EvidenceKind,
  type UploadedEvidence,
  type UploadProgress,
} from '../../shared/upload';

/** What the intake room records on video and camera (evidence kinds intake officers may upload). */
export type IntakeEvidenceKind = Extract<
  EvidenceKind,
  'unboxing-video' | 'waybill-photo' | 'sample-photo' | 'product-claim-photo' | 'seal-photo'
>;

interface Props {
  id: string;
  label: string;
  kind: IntakeEvidenceKind;
  batchNumber: string;
  accept: string;
  multiple?: boolean;
  onUploaded(file: UploadedEvidence): void;
}

interface Row {
  name: string;
  progress?: UploadProgress;
  done?: UploadedEvidence;
  error?: unknown;
}

/**
 * A file input that sends each chosen file to the evidence store at once through the console's
 * shared uploader (SHA-256 while reading in slices, parts retried alone, resumable), with a progress
 * bar per file, the SHA-256 the store confirmed, and a resume button after a network drop.
 */
export function FileField({ id, label, kind, batchNumber, accept, multiple, onUploaded }: Props) {
  const { t } = useLanguage();
  const [rows, setRows] = useState<Row[]>([]);
  const uploads = useRef(new Map<number, EvidenceUpload>());
  const update = (index: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const run = (index: number) => {
    const upload = uploads.current.get(index);
    if (!upload) return;
    update(index, { error: undefined });
    upload
      .run()
      .then((done) => {
        update(index, { done });
        onUploaded(done);
      })
      .catch((error: unknown) => update(index, { error }));
  };

  const choose = (files: FileList | null) => {
    if (!files) return;
    const list = [...files];
    const base = multiple ? rows.length : 0;
    if (!multiple) uploads.current.clear();
    setRows((all) => [...(multiple ? all : []), ...list.map((f) => ({ name: f.name }))]);
    list.forEach((file, i) => {
      uploads.current.set(
        base + i,
        new EvidenceUpload(file, { kind, batchNumber }, (progress) => update(base + i, { progress })),
      );
      run(base + i);
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
      {rows.map((r, i) => {
        const phase = r.done ? 'done' : r.progress?.phase;
        return (
          <div key={`${i}-${r.name}`} style={{ marginTop: 4 }}>
            <Typography.Text>{r.name}</Typography.Text>
            <Progress
              percent={r.done ? 100 : (r.progress?.percent ?? 0)}
              size="small"
              status={r.error || phase === 'interrupted' ? 'exception' : r.done ? 'success' : 'active'}
              aria-label={`${r.done ? t.intake.uploaded : t.intake.uploading} ${r.name}`}
            />
            {r.done ? (
              <Typography.Text
                type="secondary"
                style={{ fontSize: 12, wordBreak: 'break-all' }}
                data-uploaded
              >
                {t.intake.sha256}: {r.done.sha256}
              </Typography.Text>
            ) : null}
            {r.error ? (
              <>
                <ErrorAlert error={r.error} />
                <Button size="small" onClick={() => run(i)} style={{ marginTop: 4 }}>
                  {t.intake.resume}
                </Button>
              </>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
